package dev.retention.cluster.kmeans;

import dev.retention.matrix.FeatureScaling;

import java.util.Objects;

/**
 * Options of {@link KMeans#fit}. Defaults follow scikit-learn 1.2's {@code KMeans} (10 k-means++ restarts, 300
 * iterations, {@code tol = 1e-4}) except the number of clusters: {@value #DEFAULT_K}, not scikit-learn's 8, because
 * customer segmentation on RFM wants a handful of segments a marketer can act on (and the command line's
 * {@code --k} default is this one); one thread and no scaling. Code that reproduces scikit-learn passes {@code k}.
 *
 * @param k             number of clusters, at least 1 (and at most n, checked when fitting)
 * @param nInit         restarts from independent initialisations; the lowest inertia is kept. At least 1;
 *                      ignored (one run) with {@link KMeansInit#given given} centres
 * @param maxIterations iterations per restart, at least 1 (scikit-learn's {@code max_iter})
 * @param tolerance     relative tolerance, at least 0: a restart stops when the summed squared shift of the
 *                      centres is at most {@code tolerance} times the mean of the columns' variances (of the
 *                      scaled features; scikit-learn's {@code tol} rule)
 * @param init          how initial centres are chosen (given centres are in the scaled space)
 * @param algorithm     assignment strategy; both give the same labels
 * @param localTrials   k-means++ candidates per centre; 0 means scikit-learn's {@code 2 + floor(ln k)}
 * @param seed          seed of every random choice; restart {@code r} draws from
 *                      {@code Seeds.split(seed, r)}
 * @param threads       threads used, at least 1 (default 1); the model is the same for every value
 * @param scaling       the per-column transform fitted on the raw features before clustering and kept by the
 *                      model ({@code NONE} by default; {@code LOG1P_ZSCORE} for RFM)
 */
public record KMeansOptions(int k, int nInit, int maxIterations, double tolerance, KMeansInit init,
                            Algorithm algorithm, int localTrials, long seed, int threads,
                            FeatureScaling.Kind scaling) {

    /** The default number of clusters, 4 (scikit-learn: 8): a handful of customer segments. */
    public static final int DEFAULT_K = 4;
    /** The default number of restarts, 10, as scikit-learn's {@code n_init}. */
    public static final int DEFAULT_N_INIT = 10;
    /** The default seed, 0. */
    public static final long DEFAULT_SEED = 0;

    /** How points are assigned to centres in each iteration. */
    public enum Algorithm {
        /** Every point against every centre each iteration (Lloyd 1982): O(n k d) per iteration. */
        LLOYD,
        /** Lloyd's iteration with Hamerly's (2010) distance bounds to skip most of the scans: the default. */
        HAMERLY
    }

    /**
     * Validates every field.
     *
     * @param k             number of clusters, at least 1 (and at most n, checked when fitting)
     * @param nInit         restarts from independent initialisations; the lowest inertia is kept. At least 1; ignored
     *                      (one run) with {@link KMeansInit#given given} centres
     * @param maxIterations iterations per restart, at least 1 (scikit-learn's {@code max_iter})
     * @param tolerance     relative tolerance, at least 0: a restart stops when the summed squared shift of the centres
     *                      is at most {@code tolerance} times the mean of the columns' variances (of the scaled
     *                      features; scikit-learn's {@code tol} rule)
     * @param init          how initial centres are chosen (given centres are in the scaled space)
     * @param algorithm     assignment strategy; both give the same labels
     * @param localTrials   k-means++ candidates per centre; 0 means scikit-learn's {@code 2 + floor(ln k)}
     * @param seed          seed of every random choice; restart {@code r} draws from {@code Seeds.split(seed, r)}
     * @param threads       threads used, at least 1 (default 1); the model is the same for every value
     * @param scaling       the per-column transform fitted on the raw features before clustering and kept by the model
     *                      ({@code NONE} by default; {@code LOG1P_ZSCORE} for RFM)
     * @throws IllegalArgumentException naming the field, its value and what was expected
     */
    public KMeansOptions {
        if (k < 1) {
            throw new IllegalArgumentException("k must be at least 1, got " + k);
        }
        if (nInit < 1) {
            throw new IllegalArgumentException("nInit must be at least 1, got " + nInit);
        }
        if (maxIterations < 1) {
            throw new IllegalArgumentException("maxIterations must be at least 1, got " + maxIterations);
        }
        if (!(tolerance >= 0) || !Double.isFinite(tolerance)) {
            throw new IllegalArgumentException("tolerance must be finite and >= 0, got " + tolerance);
        }
        Objects.requireNonNull(init, "init");
        Objects.requireNonNull(algorithm, "algorithm");
        if (localTrials < 0) {
            throw new IllegalArgumentException("localTrials must be >= 0 (0 for 2 + ln k), got " + localTrials);
        }
        if (threads < 1) {
            throw new IllegalArgumentException("threads must be at least 1, got " + threads);
        }
        Objects.requireNonNull(scaling, "scaling");
    }

    /**
     * {@return 4 clusters, 10 restarts, 300 iterations, tolerance 1e-4, k-means++, Hamerly, seed 0, 1 thread, no
     * scaling}
     */
    public static KMeansOptions defaults() {
        return new KMeansOptions(DEFAULT_K, DEFAULT_N_INIT, 300, 1e-4, KMeansInit.kMeansPlusPlus(), Algorithm.HAMERLY, 0,
                DEFAULT_SEED, 1,
                FeatureScaling.Kind.NONE);
    }

    /**
     * {@return a copy with {@code k} clusters}
     *
     * @param k number of clusters, at least 1 (and at most n, checked when fitting)
     */
    public KMeansOptions withK(int k) {
        return new KMeansOptions(k, nInit, maxIterations, tolerance, init, algorithm, localTrials, seed, threads,
                scaling);
    }

    /**
     * {@return a copy with {@code nInit} restarts}
     *
     * @param nInit restarts from independent initialisations; the lowest inertia is kept. At least 1; ignored (one run)
     *              with {@link KMeansInit#given given} centres
     */
    public KMeansOptions withNInit(int nInit) {
        return new KMeansOptions(k, nInit, maxIterations, tolerance, init, algorithm, localTrials, seed, threads,
                scaling);
    }

    /**
     * {@return a copy with at most {@code maxIterations} iterations per restart}
     *
     * @param maxIterations iterations per restart, at least 1 (scikit-learn's {@code max_iter})
     */
    public KMeansOptions withMaxIterations(int maxIterations) {
        return new KMeansOptions(k, nInit, maxIterations, tolerance, init, algorithm, localTrials, seed, threads,
                scaling);
    }

    /**
     * {@return a copy with relative tolerance {@code tolerance}}
     *
     * @param tolerance relative tolerance, at least 0: a restart stops when the summed squared shift of the centres is
     *                  at most {@code tolerance} times the mean of the columns' variances (of the scaled features;
     *                  scikit-learn's {@code tol} rule)
     */
    public KMeansOptions withTolerance(double tolerance) {
        return new KMeansOptions(k, nInit, maxIterations, tolerance, init, algorithm, localTrials, seed, threads,
                scaling);
    }

    /**
     * {@return a copy with another initialisation}
     *
     * @param init how initial centres are chosen (given centres are in the scaled space)
     */
    public KMeansOptions withInit(KMeansInit init) {
        return new KMeansOptions(k, nInit, maxIterations, tolerance, init, algorithm, localTrials, seed, threads,
                scaling);
    }

    /**
     * {@return a copy with another assignment algorithm}
     *
     * @param algorithm assignment strategy; both give the same labels
     */
    public KMeansOptions withAlgorithm(Algorithm algorithm) {
        return new KMeansOptions(k, nInit, maxIterations, tolerance, init, algorithm, localTrials, seed, threads,
                scaling);
    }

    /**
     * {@return a copy with {@code localTrials} k-means++ candidates per centre (0: {@code 2 + floor(ln k)})}
     *
     * @param localTrials k-means++ candidates per centre; 0 means scikit-learn's {@code 2 + floor(ln k)}
     */
    public KMeansOptions withLocalTrials(int localTrials) {
        return new KMeansOptions(k, nInit, maxIterations, tolerance, init, algorithm, localTrials, seed, threads,
                scaling);
    }

    /**
     * {@return a copy with another seed}
     *
     * @param seed seed of every random choice; restart {@code r} draws from {@code Seeds.split(seed, r)}
     */
    public KMeansOptions withSeed(long seed) {
        return new KMeansOptions(k, nInit, maxIterations, tolerance, init, algorithm, localTrials, seed, threads,
                scaling);
    }

    /**
     * {@return a copy using {@code threads} threads}
     *
     * @param threads threads used, at least 1 (default 1); the model is the same for every value
     */
    public KMeansOptions withThreads(int threads) {
        return new KMeansOptions(k, nInit, maxIterations, tolerance, init, algorithm, localTrials, seed, threads,
                scaling);
    }

    /**
     * {@return a copy with another feature scaling}
     *
     * @param scaling the per-column transform fitted on the raw features before clustering and kept by the model
     *                ({@code NONE} by default; {@code LOG1P_ZSCORE} for RFM)
     */
    public KMeansOptions withScaling(FeatureScaling.Kind scaling) {
        return new KMeansOptions(k, nInit, maxIterations, tolerance, init, algorithm, localTrials, seed, threads,
                scaling);
    }

    /** {@return the number of k-means++ candidates per centre actually used} */
    public int effectiveLocalTrials() {
        return localTrials > 0 ? localTrials : 2 + (int) Math.log(k);
    }
}
