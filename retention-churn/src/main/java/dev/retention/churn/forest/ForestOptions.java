package dev.retention.churn.forest;

import dev.retention.churn.tree.MaxFeatures;
import dev.retention.churn.tree.TreeOptions;

import java.util.Locale;
import java.util.Objects;

/**
 * Options of {@link RandomForest}.
 *
 * <p>The defaults are those of a <em>probability</em> forest: 100 trees on bootstrap samples, the square
 * root of the features searched per node, and nodes of fewer than 10 rows not split. scikit-learn's
 * {@code RandomForestClassifier} splits down to 2 rows; fully grown trees vote well but give poorly
 * ranked, poorly calibrated probabilities, so probability forests stop earlier (Malley, Kruppa, Dasgupta,
 * Malley and Ziegler, "Probability machines", Methods Inf Med 51(1), 2012; ranger's default
 * {@code min.node.size = 10} for probability forests, Wright and Ziegler, J Stat Softw 77(1), 2017).
 * {@link #scikitLearnDefaults()} gives scikit-learn's settings.
 *
 * @param trees          number of trees, &gt;= 1
 * @param tree           options of each tree; its seed is ignored (each tree gets its own, derived from
 *                       {@link #seed()})
 * @param bootstrap      whether each tree sees a bootstrap sample (with replacement) rather than every row
 * @param sampleFraction rows drawn per bootstrap sample as a fraction of the rows, in (0, 1]
 * @param seed           the forest's seed: tree {@code t} draws from the stream {@code Seeds.split(seed, t)},
 *                       so the forest is the same for any {@link #threads()}
 * @param threads        threads growing trees, &gt;= 1 (default 1)
 */
public record ForestOptions(int trees, TreeOptions tree, boolean bootstrap, double sampleFraction, long seed,
                            int threads) {

    /**
     * Checks every option.
     *
     * @param trees          number of trees, &gt;= 1
     * @param tree           options of each tree; its seed is ignored (each tree gets its own, derived from {@link
     *                       #seed()})
     * @param bootstrap      whether each tree sees a bootstrap sample (with replacement) rather than every row
     * @param sampleFraction rows drawn per bootstrap sample as a fraction of the rows, in (0, 1]
     * @param seed           the forest's seed: tree {@code t} draws from the stream {@code Seeds.split(seed, t)}, so
     *                       the forest is the same for any {@link #threads()}
     * @param threads        threads growing trees, &gt;= 1 (default 1)
     * @throws IllegalArgumentException naming the option, its value and what was expected
     */
    public ForestOptions {
        Objects.requireNonNull(tree, "tree");
        if (trees < 1) {
            throw new IllegalArgumentException("trees must be >= 1, got " + trees);
        }
        if (!(sampleFraction > 0 && sampleFraction <= 1)) {
            throw new IllegalArgumentException("sampleFraction must be in (0, 1], got " + sampleFraction);
        }
        if (threads < 1) {
            throw new IllegalArgumentException("threads must be >= 1, got " + threads);
        }
    }

    /**
     * {@return a probability forest: 100 trees, bootstrap, sqrt features, nodes under 10 rows not split, seed 0, one
     * thread}
     */
    public static ForestOptions defaults() {
        return new ForestOptions(100, TreeOptions.defaults().withMaxFeatures(MaxFeatures.sqrt()).withMinSamplesSplit(10),
                true, 1.0, 0, 1);
    }

    /**
     * {@return scikit-learn's {@code RandomForestClassifier()} settings: as {@link #defaults()} but split down to 2
     * rows}
     */
    public static ForestOptions scikitLearnDefaults() {
        return defaults().withTree(defaults().tree().withMinSamplesSplit(2));
    }

    /**
     * {@return a copy with this number of trees}
     *
     * @param trees number of trees, &gt;= 1
     */
    public ForestOptions withTrees(int trees) {
        return new ForestOptions(trees, tree, bootstrap, sampleFraction, seed, threads);
    }

    /**
     * {@return a copy with these tree options}
     *
     * @param tree options of each tree; its seed is ignored (each tree gets its own, derived from {@link #seed()})
     */
    public ForestOptions withTree(TreeOptions tree) {
        return new ForestOptions(trees, tree, bootstrap, sampleFraction, seed, threads);
    }

    /**
     * {@return a copy with or without bootstrap samples}
     *
     * @param bootstrap whether each tree sees a bootstrap sample (with replacement) rather than every row
     */
    public ForestOptions withBootstrap(boolean bootstrap) {
        return new ForestOptions(trees, tree, bootstrap, sampleFraction, seed, threads);
    }

    /**
     * {@return a copy drawing this fraction of the rows per tree}
     *
     * @param sampleFraction rows drawn per bootstrap sample as a fraction of the rows, in (0, 1]
     */
    public ForestOptions withSampleFraction(double sampleFraction) {
        return new ForestOptions(trees, tree, bootstrap, sampleFraction, seed, threads);
    }

    /**
     * {@return a copy with this seed}
     *
     * @param seed the forest's seed: tree {@code t} draws from the stream {@code Seeds.split(seed, t)}, so the forest
     *             is the same for any {@link #threads()}
     */
    public ForestOptions withSeed(long seed) {
        return new ForestOptions(trees, tree, bootstrap, sampleFraction, seed, threads);
    }

    /**
     * {@return a copy growing trees on this many threads}
     *
     * @param threads threads growing trees, &gt;= 1 (default 1)
     */
    public ForestOptions withThreads(int threads) {
        return new ForestOptions(trees, tree, bootstrap, sampleFraction, seed, threads);
    }

    @Override
    public String toString() {
        return String.format(Locale.ROOT, "trees=%d bootstrap=%b sample_fraction=%g seed=%d threads=%d; tree: %s",
                trees, bootstrap, sampleFraction, seed, threads, tree);
    }
}
