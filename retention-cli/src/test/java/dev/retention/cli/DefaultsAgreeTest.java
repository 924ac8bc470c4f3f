package dev.retention.cli;

import dev.retention.churn.forest.ForestOptions;
import dev.retention.churn.logistic.LogisticOptions;
import dev.retention.cluster.dbscan.DbscanOptions;
import dev.retention.cluster.hierarchical.AgglomerativeOptions;
import dev.retention.cluster.kmeans.KMeansOptions;
import dev.retention.cluster.kmeans.MiniBatchKMeansOptions;
import dev.retention.experiment.uplift.UpliftOptions;
import dev.retention.io.GenericCsvFormat;
import dev.retention.io.ReadOptions;
import dev.retention.lifetime.bgnbd.BgNbdOptions;
import dev.retention.lifetime.clv.ClvOptions;
import dev.retention.lifetime.gammagamma.GammaGammaOptions;
import dev.retention.lifetime.paretonbd.ParetoNbdOptions;
import dev.retention.playbook.CustomerStates;
import dev.retention.playbook.PlanOptions;
import dev.retention.recsys.sparse.SvdOptions;
import dev.retention.rfm.RfmOptions;
import dev.retention.rfm.RfmWeights;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;
import picocli.CommandLine.Model.OptionSpec;

import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import static java.util.Map.entry;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The command line and the library share their defaults: every option of every command that has a default is
 * either mapped here to the library option it sets, and then its default (picocli's {@code defaultValue}, as
 * {@code --help} prints it) equals that option's {@code defaults()}, or declared the command line's own with the
 * reason. A new option with a default fails this test until it is classified; a library default that moves fails it
 * until the command follows (the command's annotations read the library's constants where one exists).
 */
class DefaultsAgreeTest {

    /** Library defaults, by command path and option name ({@code "*"} for an option every command mixes in). */
    private static final Map<String, Object> LIBRARY = Map.ofEntries(
            entry("cluster --k", KMeansOptions.defaults().k()),
            entry("cluster --eps", DbscanOptions.defaults().eps()),
            entry("cluster --min-samples", DbscanOptions.defaults().minSamples()),
            entry("cluster --linkage", AgglomerativeOptions.defaults().linkage()),
            entry("cluster --n-init", KMeansOptions.defaults().nInit()),
            entry("cluster --batch-size", MiniBatchKMeansOptions.defaults().batchSize()),
            entry("cluster --seed", KMeansOptions.defaults().seed()),
            entry("clv fit --horizon-months", ClvOptions.defaults().horizonMonths()),
            entry("clv fit --discount-rate", ClvOptions.defaults().discountRate()),
            entry("clv fit --discount-per", ClvOptions.defaults().discountPeriod() == ClvOptions.DiscountPeriod.MONTHLY
                    ? "month" : "year"),
            entry("clv fit --penalizer", BgNbdOptions.defaults().penalizer()),
            entry("churn eval --seed", ForestOptions.defaults().seed()),
            entry("churn score --seed", ForestOptions.defaults().seed()),
            entry("recsys eval --seed", SvdOptions.defaults().seed()),
            entry("recsys rank --seed", SvdOptions.defaults().seed()),
            entry("recsys recommend --threads", dev.retention.recsys.TopNOptions.defaults().threads()),
            entry("rfm --ties", RfmOptions.defaults().ties()),
            entry("rfm --weights", weights(RfmOptions.defaults().weights())),
            entry("uplift eval --seed", UpliftOptions.defaults().seed()),
            entry("uplift score --seed", UpliftOptions.defaults().seed()),
            entry("uplift eval --threads", LogisticOptions.defaults().threads()),
            entry("uplift score --threads", LogisticOptions.defaults().threads()),
            entry("playbook --budget", PlanOptions.defaults().budget()),
            entry("playbook --horizon-months", CustomerStates.Options.defaults().horizonMonths()),
            entry("playbook --penalizer", CustomerStates.Options.defaults().penalizer()),
            entry("report --budget", PlanOptions.defaults().budget()),
            entry("report --horizon-months", CustomerStates.Options.defaults().horizonMonths()),
            entry("report --penalizer", CustomerStates.Options.defaults().penalizer()),
            entry("* --zone", ReadOptions.defaults().zone()),
            entry("* --separator", GenericCsvFormat.canonical().separator()),
            entry("* --date-pattern", GenericCsvFormat.canonical().datePattern()));

    /** Defaults that belong to the command line alone, with the reason. */
    private static final Map<String, String> COMMAND_LINE_ONLY = Map.ofEntries(
            entry("cluster --silhouette-sample", "how many customers the printed silhouette uses; not a fit option"),
            entry("clv fit --period", "the unit of the summary the command builds; the library takes it as an argument"),
            entry("clv fit --model", "which learner the command runs"),
            entry("clv fit --top", "how many customers are printed"),
            entry("clv fit --threads", "0: all processors (results do not depend on threads; the library's default is 1)"),
            entry("playbook --threads", "0: all processors (results do not depend on threads; the library's default is 1)"),
            entry("playbook --top", "how many contacts are printed"),
            entry("playbook --items", "how many items are recommended per contacted customer"),
            entry("churn eval --folds", "the cross-validation the command runs; the library takes folds as an argument"),
            entry("churn eval --save-rate", "the assumed success of an offer in the printed profit; no library option"),
            entry("churn score --top", "how many customers are printed"),
            entry("recsys eval --folds", "the cross-validation the command runs; the library takes folds as an argument"),
            entry("recsys eval --scale", "the rating scale of the file; the library takes it as an argument"),
            entry("recsys eval --out-of-scale", "what the command does with ratings off the scale"),
            entry("recsys rank --format", "the file format read"),
            entry("recsys rank --split", "the evaluation protocol the command runs"),
            entry("recsys rank --test-fraction", "the evaluation protocol the command runs"),
            entry("recsys rank --k", "the length of the evaluated lists; the library takes it as an argument"),
            entry("recsys rank --values", "how purchases become interaction values"),
            entry("recsys rank --repeats", "how many times the protocol runs"),
            entry("recsys rank --warmups", "how many untimed fits the protocol runs first"),
            entry("recsys rank --attributes-format", "the item-attribute file format read"),
            entry("recsys recommend --format", "the file format read"),
            entry("recsys recommend --algo", "which learner the command runs"),
            entry("recsys recommend --attributes-format", "the item-attribute file format read"),
            entry("recsys recommend --values", "how purchases become interaction values"),
            entry("recsys recommend --n", "the length of the written lists; the library takes it in its top-N options"),
            entry("report --seed", "the seed of the report's own seeded fits and samples"),
            entry("report --threads", "0: all processors (results do not depend on threads; the library's default is 1)"),
            entry("report --experiment-group", "the experiment file's group column"),
            entry("report --experiment-control", "the experiment file's control arm"),
            entry("uplift eval --test-fraction", "the evaluation protocol the command runs"),
            entry("uplift score --fraction", "the share of units the printed targeting contacts"),
            entry("uplift score --value", "the value of a conversion in the printed targeting"),
            entry("uplift score --cost", "the cost of a contact in the printed targeting"),
            entry("experiment analyze --alpha", "the library takes the level as an argument"),
            entry("experiment analyze --bootstrap", "the library takes the resample count as an argument"),
            entry("experiment analyze --seed", "the library takes the seed as an argument"),
            entry("experiment plan --power", "the library takes the power as an argument"),
            entry("experiment plan --alpha", "the library takes the level as an argument"),
            entry("experiment monitor --alpha", "the library takes the level as an argument"),
            entry("experiment monitor --spending", "the library takes the spending function as an argument"),
            entry("experiment monitor --tau", "the library takes the mixture's standard deviation as an argument"),
            entry("demo --out", "where the demo writes"),
            entry("demo --customers", "the size of the demo's synthetic shop"),
            entry("demo --seed", "the seed of the demo's synthetic shop"));

    private static String weights(RfmWeights w) {
        return number(w.recency()) + "," + number(w.frequency()) + "," + number(w.monetary());
    }

    private static String number(double v) {
        return v == Math.rint(v) ? Long.toString((long) v) : Double.toString(v);
    }

    @Test
    void everyDefault_isTheLibrarysOrTheCommandLinesOwn() {
        List<String> problems = new ArrayList<>();
        Set<String> used = new HashSet<>();
        visit(new CommandLine(RetentionCli.class), problems, used);
        assertEquals(List.of(), problems);
        Set<String> unused = new TreeSet<>(LIBRARY.keySet());
        unused.addAll(COMMAND_LINE_ONLY.keySet());
        unused.removeAll(used);
        assertEquals(Set.of(), unused, "entries that name no option");
        assertEquals(KMeansOptions.defaults().k(), MiniBatchKMeansOptions.defaults().k(), "one --k for both k-means");
        assertEquals(BgNbdOptions.defaults().penalizer(), ParetoNbdOptions.defaults().penalizer(), "one --penalizer");
        assertEquals(BgNbdOptions.defaults().penalizer(), GammaGammaOptions.defaults().penalizer(), "one --penalizer");
    }

    /** The decided departures from scikit-learn: four segments and ten neighbours, command line and library alike. */
    @Test
    void clusterDefaults_areTheCustomerSegmentationOnes() {
        assertEquals(4, KMeansOptions.defaults().k());
        assertEquals(10, DbscanOptions.defaults().minSamples());
    }

    private static void visit(CommandLine cl, List<String> problems, Set<String> used) {
        String path = cl.getCommandSpec().qualifiedName().replaceFirst("^retention ?", "");
        for (OptionSpec o : cl.getCommandSpec().options()) {
            String def = o.defaultValue();
            if (def == null || o.usageHelp() || o.versionHelp()) {
                continue;
            }
            String key = path + " " + o.longestName();
            String any = "* " + o.longestName();
            if (COMMAND_LINE_ONLY.containsKey(key)) {
                used.add(key);
            } else if (LIBRARY.containsKey(key) || LIBRARY.containsKey(any)) {
                String k = LIBRARY.containsKey(key) ? key : any;
                used.add(k);
                if (!agree(def, LIBRARY.get(k))) {
                    problems.add(key + ": the command's default " + def + ", the library's " + LIBRARY.get(k));
                }
            } else {
                problems.add(key + " (default " + def + ") is neither mapped to a library default nor declared the"
                        + " command line's own");
            }
        }
        for (CommandLine sub : cl.getSubcommands().values()) {
            visit(sub, problems, used);
        }
    }

    private static boolean agree(String cli, Object library) {
        if (library instanceof Number n) {
            return Double.parseDouble(cli) == n.doubleValue();
        }
        if (library instanceof Enum<?> e) {
            return cli.equalsIgnoreCase(e.name().replace('_', '-'));
        }
        if (library instanceof ZoneId z) {
            return ZoneId.of(cli).normalized().equals(z.normalized());
        }
        if (library instanceof Character c) {
            return cli.equals(c.toString());
        }
        return cli.equals(String.valueOf(library).toLowerCase(Locale.ROOT)) || cli.equals(String.valueOf(library));
    }
}
