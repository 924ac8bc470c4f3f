// Retention in JShell: the imports of every family, so that a session starts with them loaded. From the
// repository root, after building (see the README):
//   jshell --class-path retention-cli/target/retention.jar examples/jshell/setup.jsh
// then type along one of the scripts beside this file, or load one: /open examples/jshell/rfm.jsh
// Two classes have the same name in two families: write dev.retention.recsys.evaluation.CrossValidation
// (or GridSearch) and dev.retention.churn.evaluation.CrossValidation (or GridSearch) in full.
import java.nio.file.*;
import java.time.*;
import java.util.*;

// core: data, readers, model files, the synthetic shop and its truth, measures; RFM and cohorts
import dev.retention.data.*;
import dev.retention.io.*;
import dev.retention.model.*;
import dev.retention.matrix.*;
import dev.retention.evaluation.*;
import dev.retention.synth.*;
import dev.retention.rfm.*;
import dev.retention.cohort.*;

// clustering
import dev.retention.cluster.*;
import dev.retention.cluster.kmeans.*;
import dev.retention.cluster.dbscan.*;
import dev.retention.cluster.hierarchical.*;
import dev.retention.cluster.quality.*;

// recommenders
import dev.retention.recsys.*;
import dev.retention.recsys.baseline.*;
import dev.retention.recsys.knn.*;
import dev.retention.recsys.slopeone.*;
import dev.retention.recsys.svd.*;
import dev.retention.recsys.popularity.*;
import dev.retention.recsys.similarity.*;
import dev.retention.recsys.sparse.*;
import dev.retention.recsys.evaluation.*;

// churn
import dev.retention.churn.dataset.*;
import dev.retention.churn.preprocess.*;
import dev.retention.churn.classifier.*;
import dev.retention.churn.logistic.*;
import dev.retention.churn.svm.*;
import dev.retention.churn.tree.*;
import dev.retention.churn.forest.*;
import dev.retention.churn.pipeline.*;
import dev.retention.churn.evaluation.*;
import dev.retention.churn.explain.*;
import dev.retention.churn.ranking.*;

// customer lifetime
import dev.retention.lifetime.*;
import dev.retention.lifetime.bgnbd.*;
import dev.retention.lifetime.paretonbd.*;
import dev.retention.lifetime.gammagamma.*;
import dev.retention.lifetime.clv.*;
import dev.retention.lifetime.analysis.*;

// experiments: did the action work, and for whom
import dev.retention.experiment.*;
import dev.retention.experiment.analysis.*;
import dev.retention.experiment.stats.*;
import dev.retention.experiment.planning.*;
import dev.retention.experiment.sequential.*;
import dev.retention.experiment.uplift.*;
import dev.retention.experiment.targeting.*;
