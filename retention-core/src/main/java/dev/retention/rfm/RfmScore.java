package dev.retention.rfm;

/**
 * The RFM scores of one customer.
 *
 * @param r        recency score 1..5, 5 = most recent
 * @param f        frequency score 1..5, 5 = most frequent
 * @param m        monetary score 1..5, 5 = highest spend
 * @param weighted the weighted score {@code w1*r + w2*f + w3*m}
 * @param segment  the segment name of the (r, f) cell
 */
public record RfmScore(int r, int f, int m, double weighted, String segment) {

    /** {@return the three scores as a code such as {@code "545"}} */
    public String code() {
        return "" + r + f + m;
    }
}
