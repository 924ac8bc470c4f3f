package dev.retention.cluster.kmeans;

import java.util.Objects;

/**
 * Options of {@link KMeans#fit}. Defaults follow scikit-learn 1.2's {@code KMeans}: 8 clusters, 10
 * k-means++ restarts, 300 iterations, {@code tol = 1e-4}.
 *
 * @param k           number of clusters, at least 1 (and at most n, checked when fitting)
 * @param nInit       restarts from independent initialisations; the lowest inertia is kept. At least 1;
 *                    ignored (one run) with {@link KMeansInit#given given} centres
 * @param maxIter     iterations per restart, at least 1
 * @param tol         relative tolerance, at least 0: a restart stops when the summed squared shift of the
 *                    centres is at most {@code tol} times the mean of the columns' variances
 *                    (scikit-learn's rule)
 * @param init        how initial centres are chosen
 * @param algorithm   assignment strategy; both give the same labels
 * @param localTrials k-means++ candidates per centre; 0 means scikit-learn's {@code 2 + floor(ln k)}
 * @param seed        seed of every random choice; the same seed gives the same model for any parallelism
 * @param parallelism threads used, at least 1
 */
public record KMeansOptions(int k, int nInit, int maxIter, double tol, KMeansInit init, Algorithm algorithm,
                            int localTrials, long seed, int parallelism) {

    /** How points are assigned to centres in each iteration. */
    public enum Algorithm {
        /** Every point against every centre each iteration (Lloyd 1982): O(n k d) per iteration. */
        LLOYD,
        /** Lloyd's iteration with Hamerly's (2010) distance bounds to skip most of the scans: the default. */
        HAMERLY
    }

    /** Validates every field. */
    public KMeansOptions {
        if (k < 1) {
            throw new IllegalArgumentException("k must be at least 1, got " + k);
        }
        if (nInit < 1) {
            throw new IllegalArgumentException("nInit must be at least 1, got " + nInit);
        }
        if (maxIter < 1) {
            throw new IllegalArgumentException("maxIter must be at least 1, got " + maxIter);
        }
        if (!(tol >= 0) || !Double.isFinite(tol)) {
            throw new IllegalArgumentException("tol must be finite and >= 0, got " + tol);
        }
        Objects.requireNonNull(init, "init");
        Objects.requireNonNull(algorithm, "algorithm");
        if (localTrials < 0) {
            throw new IllegalArgumentException("localTrials must be >= 0 (0 for 2 + ln k), got " + localTrials);
        }
        if (parallelism < 1) {
            throw new IllegalArgumentException("parallelism must be at least 1, got " + parallelism);
        }
    }

    /** 8 clusters, 10 restarts, 300 iterations, tol 1e-4, k-means++, Hamerly, seed 0, all processors. */
    public static KMeansOptions defaults() {
        return new KMeansOptions(8, 10, 300, 1e-4, KMeansInit.kMeansPlusPlus(), Algorithm.HAMERLY, 0, 0L,
                Runtime.getRuntime().availableProcessors());
    }

    /** A copy with {@code k} clusters. */
    public KMeansOptions withK(int k) {
        return new KMeansOptions(k, nInit, maxIter, tol, init, algorithm, localTrials, seed, parallelism);
    }

    /** A copy with {@code nInit} restarts. */
    public KMeansOptions withNInit(int nInit) {
        return new KMeansOptions(k, nInit, maxIter, tol, init, algorithm, localTrials, seed, parallelism);
    }

    /** A copy with at most {@code maxIter} iterations per restart. */
    public KMeansOptions withMaxIter(int maxIter) {
        return new KMeansOptions(k, nInit, maxIter, tol, init, algorithm, localTrials, seed, parallelism);
    }

    /** A copy with relative tolerance {@code tol}. */
    public KMeansOptions withTol(double tol) {
        return new KMeansOptions(k, nInit, maxIter, tol, init, algorithm, localTrials, seed, parallelism);
    }

    /** A copy with another initialisation. */
    public KMeansOptions withInit(KMeansInit init) {
        return new KMeansOptions(k, nInit, maxIter, tol, init, algorithm, localTrials, seed, parallelism);
    }

    /** A copy with another assignment algorithm. */
    public KMeansOptions withAlgorithm(Algorithm algorithm) {
        return new KMeansOptions(k, nInit, maxIter, tol, init, algorithm, localTrials, seed, parallelism);
    }

    /** A copy with {@code localTrials} k-means++ candidates per centre (0: {@code 2 + floor(ln k)}). */
    public KMeansOptions withLocalTrials(int localTrials) {
        return new KMeansOptions(k, nInit, maxIter, tol, init, algorithm, localTrials, seed, parallelism);
    }

    /** A copy with another seed. */
    public KMeansOptions withSeed(long seed) {
        return new KMeansOptions(k, nInit, maxIter, tol, init, algorithm, localTrials, seed, parallelism);
    }

    /** A copy using {@code parallelism} threads. */
    public KMeansOptions withParallelism(int parallelism) {
        return new KMeansOptions(k, nInit, maxIter, tol, init, algorithm, localTrials, seed, parallelism);
    }

    /** The number of k-means++ candidates per centre actually used. */
    public int effectiveLocalTrials() {
        return localTrials > 0 ? localTrials : 2 + (int) Math.log(k);
    }
}
