package io.precis.app.library;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class RobotsTxtTest {

    @Test
    void theGroupNamingTheCrawlerWinsOverStar() {
        RobotsTxt robots = RobotsTxt.parse("""
                User-agent: *
                Disallow: /

                User-agent: PrecisBot
                User-agent: OtherBot
                Disallow: /private/
                Allow: /private/public-report.html
                """, "PrecisBot/1.0");
        assertThat(robots.allows("/")).isTrue();
        assertThat(robots.allows("/news/today")).isTrue();
        assertThat(robots.allows("/private/notes")).isFalse();
        assertThat(robots.allows("/private/public-report.html")).isTrue();
        assertThat(robots.allows("/robots.txt")).isTrue();
    }

    @Test
    void starGroupAppliesWhenNoGroupNamesTheCrawler() {
        RobotsTxt robots = RobotsTxt.parse("User-agent: Googlebot\nDisallow: /\n\nUser-agent: *\nDisallow: /search\nDisallow: /*.pdf$\n", "PrecisBot");
        assertThat(robots.allows("/search?q=x")).isFalse();
        assertThat(robots.allows("/docs/report.pdf")).isFalse();
        assertThat(robots.allows("/docs/report.pdf?download=1")).isTrue();
        assertThat(robots.allows("/about")).isTrue();
    }

    @Test
    void longestMatchDecidesAndAllowWinsTies() {
        RobotsTxt robots = RobotsTxt.parse("user-agent: precisbot # us\ndisallow: /a\nallow: /a/b\nallow: /c\ndisallow: /c\n", "PrecisBot");
        assertThat(robots.allows("/a/x")).isFalse();
        assertThat(robots.allows("/a/b/c")).isTrue();
        assertThat(robots.allows("/c")).isTrue();
    }

    @Test
    void emptyOrMissingRulesAllowEverything() {
        assertThat(RobotsTxt.parse("", "PrecisBot").allows("/x")).isTrue();
        assertThat(RobotsTxt.parse("User-agent: *\nDisallow:\n", "PrecisBot").allows("/x")).isTrue();
        assertThat(RobotsTxt.DISALLOW_ALL.allows("/x")).isFalse();
    }
}
