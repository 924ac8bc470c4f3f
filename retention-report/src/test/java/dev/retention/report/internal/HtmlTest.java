package dev.retention.report.internal;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

class HtmlTest {

    @Test
    void escape_replacesMarkupCharactersAndControls() {
        assertEquals("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; &amp; &quot;co&quot;",
                Html.escape("<script>alert('x')</script> & \"co\""));
        assertEquals("a\uFFFDb\tc\nd", Html.escape("a\u0001b\tc\nd"));
        assertEquals("", Html.escape(null));
        String plain = "Champions 12346";
        assertSame(plain, Html.escape(plain), "nothing to escape: the same string");
        assertEquals("&amp;amp;", Html.escape("&amp;"), "escaped once more, not left as an entity");
    }

    @Test
    void numbers_haveSeparators_noNegativeZero_andNaNIsNa() {
        assertEquals("1,234,567.9", Html.number(1_234_567.89, 1));
        assertEquals("0.00", Html.number(-0.0001, 2));
        assertEquals("-0.01", Html.number(-0.01, 2));
        assertEquals("n/a", Html.number(Double.NaN, 2));
        assertEquals("12.5%", Html.percent(0.125));
        assertEquals("n/a", Html.percent(Double.POSITIVE_INFINITY));
        assertEquals("+1,235", Html.signed(1234.6));
        assertEquals("-3.25", Html.signed(-3.25));
        assertEquals("1,000", Html.count(1000));
    }
}
