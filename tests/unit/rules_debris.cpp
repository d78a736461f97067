// Scraping debris: the whole line is flagged, and the writer's text around it is not.
#include "tests/unit/rules_fixture.h"

using dossier::rules_test::expectFlags;

TEST_CASE("debris rules flag whole chrome lines", "[rules]") {
  expectFlags(
      "debris/cookie-banner",
      "Body text.\n[[We use cookies to improve your experience. Accept all · Manage settings]]\n");
  expectFlags("debris/subscribe", "Body.\n[[Sign up for our free newsletter]]\nMore body.\n");
  expectFlags("debris/share", "Body.\n[[Share this story · Copy link · Print]]\n");
  expectFlags("debris/navigation", "[[Read more: Ten tips for the winter]]\nBody text.\n");
  expectFlags("debris/comment-chrome", "Great piece.\n[[Reply · Report · 14 likes]]\n");
  expectFlags("debris/email-placeholder", "[[Tips: [email protected]]]\n");
  expectFlags("debris/tracking", "Body.\n[[Herald Pixel]]\n[[The Daily Logo]]\n");
  expectFlags("debris/disclaimer", "Body.\n[[© The Courier. All rights reserved.]]\n");
  expectFlags("debris/encoding", "[[The minister donâ€™t agree &nbsp;today]]\n");
}

TEST_CASE("debris rules leave prose that mentions the same words", "[rules]") {
  expectFlags("debris/cookie-banner", "The baker said she will bake cookies for the fair.\n");
  expectFlags("debris/subscribe",
              "Readers who subscribe to conspiracy theories were not convinced.\n");
  expectFlags("debris/tracking", "The company redesigned its logo after the merger last year.\n");
  expectFlags("debris/navigation", "She said she would read more about the case before voting.\n");
}
