package dev.retention.rfm;

/**
 * Weights of the weighted RFM score {@code w1*R + w2*F + w3*M}, applied to the 1..5 scores. The
 * default, {@code (1, 1, 1)}, gives the common R+F+M score in 3..15; {@code (1/3, 1/3, 1/3)} keeps the
 * 1..5 scale.
 *
 * @param recency   weight w1 of the R score; finite, &gt;= 0
 * @param frequency weight w2 of the F score; finite, &gt;= 0
 * @param monetary  weight w3 of the M score; finite, &gt;= 0
 */
public record RfmWeights(double recency, double frequency, double monetary) {

    /**
     * Checks the weights.
     *
     * @param recency   weight w1 of the R score; finite, &gt;= 0
     * @param frequency weight w2 of the F score; finite, &gt;= 0
     * @param monetary  weight w3 of the M score; finite, &gt;= 0
     * @throws IllegalArgumentException if a weight is negative or not finite (named with its value), all are 0, or
     *                                  they are so large that a score of 5, 5, 5 overflows
     */
    public RfmWeights {
        check("recency", recency);
        check("frequency", frequency);
        check("monetary", monetary);
        if (recency + frequency + monetary == 0) {
            throw new IllegalArgumentException("at least one RFM weight must be > 0, got (0, 0, 0)");
        }
        if (!Double.isFinite(5 * recency + 5 * frequency + 5 * monetary)) {
            throw new IllegalArgumentException("RFM weights must keep the weighted score finite, got (" + recency + ", "
                    + frequency + ", " + monetary + "): 5*R + 5*F + 5*M overflows");
        }
    }

    private static void check(String name, double w) {
        if (!Double.isFinite(w) || w < 0) {
            throw new IllegalArgumentException(name + " weight must be finite and >= 0, got " + w);
        }
    }

    /** {@return equal weights of 1: the score is R + F + M} */
    public static RfmWeights equal() {
        return new RfmWeights(1, 1, 1);
    }

    /**
     * {@return the weighted score of the three 1..5 scores}
     *
     * @param r recency score, 1..5
     * @param f frequency score, 1..5
     * @param m monetary score, 1..5
     */
    public double apply(int r, int f, int m) {
        return recency * r + frequency * f + monetary * m;
    }

    /** The formula, such as {@code "1*R + 1*F + 1*M"} or {@code "0.5*R + 0.3*F + 0.2*M"}. */
    @Override
    public String toString() {
        return RfmTable.number(recency) + "*R + " + RfmTable.number(frequency) + "*F + "
                + RfmTable.number(monetary) + "*M";
    }
}
