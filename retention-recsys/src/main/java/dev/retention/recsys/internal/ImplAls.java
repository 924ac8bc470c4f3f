package dev.retention.recsys.internal;

import dev.retention.parallel.Blocks;
import dev.retention.parallel.Workers;

import java.util.Arrays;

/**
 * The half-steps of implicit-feedback ALS (Hu, Koren and Volinsky, "Collaborative filtering for implicit feedback
 * datasets", ICDM 2008), as the {@code implicit} library's {@code _als.pyx} writes them: for each row {@code u} of
 * a confidence matrix {@code C} (entries {@code c_ui > 0}, preference 1 where stored, 0 elsewhere with confidence
 * 1), solve {@code (Y^T Y + lambda I + sum_i (c_ui - 1) y_i y_i^T) x_u = sum_i c_ui y_i}, either by {@code cgSteps}
 * conjugate-gradient steps warm-started from the current {@code x_u} (Takacs, Pilaszy and Tikk, "Applications of
 * the conjugate gradient method for implicit feedback collaborative filtering", RecSys 2011) or exactly (Cholesky,
 * {@link ImplFactorization#solvePositiveDefinite}).
 *
 * <p>Layout and loops: factors are row-major float. The CG path is float throughout, as {@code implicit}'s BLAS
 * calls: {@code (Y^T Y + lambda I) v} as a sum of rows of the symmetric Gram matrix scaled by {@code v} (four rows per
 * pass), the entries' rank-one terms in two element-wise passes (the row's {@code y_i} with {@code c_i != 1} gathered
 * once, transposed, so that all their dot products {@code y_i . v} are one axpy per factor; then the scaled
 * {@code y_i} added four at a time), so every inner loop is an element-wise float loop that C2 vectorizes. Entries
 * with {@code c_i = 1} add nothing to the matrix (their term is {@code 0 y_i y_i^T}) and only enter the right-hand
 * side. The Cholesky path builds the system in double. The Gram matrix is summed in blocks of {@value #GRAM_BLOCK}
 * rows (float within a block, double across blocks, in block order).
 *
 * <p>Parallel work: rows are cut into blocks of about equal work, fixed by the data ({@link Blocks#byWeight}); a row
 * reads {@code Y} and writes only its own {@code x_u}; each worker has its own workspace, cleared per row. So the
 * result is the same bit for bit for any number of threads. No allocation per row.
 *
 * <p>The training loss comes from the item half-step at no extra cost: with the row's system {@code A y = b}
 * ({@code A} without lambda) and the CG residual {@code r = b - (A + lambda I) y}, the row's share of
 * {@code implicit}'s {@code calculate_loss} numerator is {@code sum c - y . b - y . r - lambda |y|^2}.
 *
 * <p>Rows whose confidences are all 1 (binary data with {@code alpha = 1}, for instance) share one matrix
 * {@code Y^T Y + lambda I}; they are solved exactly from its inverse, computed once per half-step, whatever the solver
 * (see {@link #solve}).
 *
 * <p>Complexity per half-step: O(f^3) for the shared inverse, O(f^2 + nnz_u f) per row with the shared matrix;
 * otherwise O(f^2 (cgSteps + 1) + nnz_u f + nnz'_u f (cgSteps + 2)) per row with CG, {@code nnz'_u} the row's
 * entries with {@code c != 1}, and O(nnz'_u f^2 + f^3) with Cholesky. Trusts its input.
 */
public final class ImplAls {

    /** Residual norm below which CG stops, as {@code implicit}. */
    private static final float CG_EPSILON = 1e-20f;
    /** Rows per block of the Gram matrix. */
    private static final int GRAM_BLOCK = 256;
    /** About this much work (in f-long vector operations) per block of rows. */
    private static final long BLOCK_WORK = 8192;

    private ImplAls() {
    }

    /**
     * {@return {@code Y^T Y}, {@code f x f} row-major (both triangles), without regularization} Rows are summed in
     * float within fixed blocks of {@value #GRAM_BLOCK} and the blocks in double in block order, so the result does
     * not depend on the number of threads. O(n f^2 / 2).
     *
     * @param y       read; {@code n x f} row-major
     * @param n       rows of y
     * @param f       factors
     * @param workers run the blocks
     */
    public static double[] gram(float[][] y, int n, int f, Workers workers) {
        Blocks blocks = Blocks.ofSize(n, GRAM_BLOCK);
        float[][][] partial = new float[blocks.count()][][];
        workers.run(blocks.count(), b -> {
            float[][] g = new float[f][f];
            gramBlock(y, blocks.start(b), blocks.end(b), f, g);
            partial[b] = g;
        });
        double[] out = new double[f * f];
        for (float[][] g : partial) {
            for (int a = 0; a < f; a++) {
                float[] ga = g[a];
                for (int c = a; c < f; c++) {
                    out[a * f + c] += ga[c];
                }
            }
        }
        for (int a = 0; a < f; a++) {
            for (int c = a + 1; c < f; c++) {
                out[c * f + a] = out[a * f + c];
            }
        }
        return out;
    }

    /** Adds the upper triangle of {@code sum_{i in [from, to)} y_i y_i^T} into g, four rows per pass. */
    private static void gramBlock(float[][] y, int from, int to, int f, float[][] g) {
        int i = from;
        for (; i + 3 < to; i += 4) {
            float[] r0 = y[i];
            float[] r1 = y[i + 1];
            float[] r2 = y[i + 2];
            float[] r3 = y[i + 3];
            for (int a = 0; a < f; a++) {
                float y0 = r0[a];
                float y1 = r1[a];
                float y2 = r2[a];
                float y3 = r3[a];
                float[] ga = g[a];
                for (int c = a; c < f; c++) {
                    ga[c] += y0 * r0[c] + y1 * r1[c] + y2 * r2[c] + y3 * r3[c];
                }
            }
        }
        for (; i < to; i++) {
            float[] r = y[i];
            for (int a = 0; a < f; a++) {
                float ya = r[a];
                float[] ga = g[a];
                for (int c = a; c < f; c++) {
                    ga[c] += ya * r[c];
                }
            }
        }
    }

    /** {@return the squared Frobenius norm of the first n rows, summed in double} */
    public static double squaredNorm(float[][] y, int n, int f) {
        double s = 0;
        for (int i = 0; i < n; i++) {
            float[] r = y[i];
            for (int k = 0; k < f; k++) {
                s += (double) r[k] * r[k];
            }
        }
        return s;
    }

    /**
     * {@return the rows of a row-major matrix as separate arrays (the layout of the kernels: C2 vectorizes loops over
     * whole arrays, not over a slice at a variable offset)}
     *
     * @param flat read; {@code n x f} row-major
     * @param n    rows
     * @param f    columns
     */
    public static float[][] rows(float[] flat, int n, int f) {
        float[][] out = new float[n][];
        for (int i = 0; i < n; i++) {
            out[i] = Arrays.copyOfRange(flat, i * f, (i + 1) * f);
        }
        return out;
    }

    /**
     * Copies rows back into a row-major array.
     *
     * @param rows read
     * @param f    columns
     * @param flat written; {@code rows.length x f}
     */
    public static void flatten(float[][] rows, int f, float[] flat) {
        for (int i = 0; i < rows.length; i++) {
            System.arraycopy(rows[i], 0, flat, i * f, f);
        }
    }

    /**
     * {@return the blocks of rows of about equal work for {@link #solve}, fixed by the data}
     *
     * @param rows    rows
     * @param ptr     read; row pointers
     * @param f       factors
     * @param cgSteps CG steps (0: Cholesky)
     */
    public static Blocks blocks(int rows, int[] ptr, int f, int cgSteps) {
        long[] work = new long[rows + 1];
        long dense = cgSteps == 0 ? (long) f * f / 3 + f : (long) (cgSteps + 1) * f;
        long perEntry = cgSteps == 0 ? f : 3;
        for (int u = 0; u < rows; u++) {
            work[u + 1] = work[u] + dense + perEntry * (ptr[u + 1] - ptr[u]);
        }
        return Blocks.byWeight(work, rows, BLOCK_WORK);
    }

    /**
     * Solves every row of {@code x} against {@code y}; a row without entries becomes 0. A row whose confidences are
     * all 1 has the shared matrix {@code Y^T Y + lambda I} (its entries' rank-one terms are {@code 0 y_i y_i^T}), so
     * it is solved exactly, with either solver, as {@code (Y^T Y + lambda I)^-1 b} from one inverse per half-step
     * (O(f^3) once, then O(f^2) per row in double: less work than one CG step and no CG error); the other rows take
     * {@code cgSteps} CG steps, or Cholesky.
     *
     * @param rows    rows of the confidence matrix (and of x)
     * @param ptr     read; row pointers of the confidences
     * @param idx     read; column of each entry
     * @param conf    read; confidence {@code c > 0} of each entry
     * @param x       read and written; {@code rows} arrays of f
     * @param y       read; {@code cols} arrays of f
     * @param f       factors
     * @param yty     read; {@link #gram} of y, without lambda
     * @param shared  read; {@link #sharedInverse} of yty and lambda, or null to give every row its own solver
     * @param lambda  the regularization
     * @param cgSteps conjugate-gradient steps per row; 0 for the exact Cholesky solve
     * @param blocks  the blocks of rows ({@link #blocks})
     * @param workers run the blocks
     * @param rowLoss optional (null); written: each row's share of the training loss numerator
     * @return the number of rows solved with the shared matrix
     * @throws IllegalStateException if a Cholesky system is not positive definite
     */
    public static int solve(int rows, int[] ptr, int[] idx, float[] conf, float[][] x, float[][] y, int f,
                            double[] yty, float[][] shared, double lambda, int cgSteps, Blocks blocks,
                            Workers workers, double[] rowLoss) {
        assert blocks.size() == rows;
        float[][] g = new float[f][f];
        for (int a = 0; a < f; a++) {
            for (int c = 0; c < f; c++) {
                g[a][c] = (float) (yty[a * f + c] + (a == c ? lambda : 0));
            }
        }
        Workspace[] spaces = new Workspace[workers.threads()];
        int[] sharedRows = new int[blocks.count()];
        workers.run(blocks.count(), (block, worker) -> {
            Workspace w = spaces[worker];
            if (w == null) {
                w = new Workspace(f, cgSteps == 0);
                spaces[worker] = w;
            }
            HalfStep h = new HalfStep(ptr, idx, conf, x, y, f, lambda, shared, rowLoss, w);
            int end = blocks.end(block);
            int u = blocks.start(block);
            while (u < end) {
                if (h.settled(u)) {
                    u++;
                } else if (cgSteps == 0) {
                    store(rowLoss, u, cholesky(ptr[u], ptr[u + 1], idx, conf, y, f, yty, lambda, w, x[u]));
                    u++;
                } else {
                    Lane l0 = w.lanes[0];
                    prepare(l0, ptr[u], ptr[u + 1], idx, conf, y, f);
                    // the next row with weighted entries shares the passes over the Gram matrix
                    int v = u + 1;
                    while (v < end && h.settled(v)) {
                        v++;
                    }
                    if (v < end) {
                        Lane l1 = w.lanes[1];
                        prepare(l1, ptr[v], ptr[v + 1], idx, conf, y, f);
                        symmetric(g, f, x[u], x[v], l0.ap, l1.ap);
                        begin(l0, f, x[u]);
                        begin(l1, f, x[v]);
                        for (int it = 0; it < cgSteps && (l0.running || l1.running); it++) {
                            symmetric(g, f, l0.p, l1.p, l0.ap, l1.ap);
                            step(l0, f, x[u]);
                            step(l1, f, x[v]);
                        }
                        store(rowLoss, u, l0.loss(x[u], f, lambda));
                        store(rowLoss, v, l1.loss(x[v], f, lambda));
                        u = v + 1;
                    } else {
                        symmetric(g, f, x[u], l0.ap);
                        begin(l0, f, x[u]);
                        for (int it = 0; it < cgSteps && l0.running; it++) {
                            symmetric(g, f, l0.p, l0.ap);
                            step(l0, f, x[u]);
                        }
                        store(rowLoss, u, l0.loss(x[u], f, lambda));
                        u = v;
                    }
                }
            }
            h.flush();
            sharedRows[block] = h.sharedCount;
        });
        int total = 0;
        for (int n : sharedRows) {
            total += n;
        }
        return total;
    }

    /**
     * {@return the rows of {@code (Y^T Y + lambda I)^-1}, computed in double (Cholesky, then the two triangular solves
     * for all f right-hand sides at once, row by row as element-wise loops) and rounded to float as the CG path's
     * Gram matrix; null if the matrix is not positive definite in floating point (with {@code lambda = 0} and a
     * rank-deficient Y), in which case every row is solved by its own solver} O(f^3).
     *
     * @param yty    read; {@link #gram} of y, without lambda
     * @param lambda the regularization
     * @param f      factors
     */
    public static float[][] sharedInverse(double[] yty, double lambda, int f) {
        double[] l = yty.clone();
        for (int i = 0; i < f; i++) {
            l[i * f + i] += lambda;
        }
        if (!ImplFactorization.choleskyFactor(l, l, f)) {
            return null;
        }
        // Z = L^-1: row i of Z is (e_i - sum_{k < i} L_ik Z_k) / L_ii
        double[][] z = new double[f][f];
        for (int i = 0; i < f; i++) {
            double[] zi = z[i];
            zi[i] = 1.0;
            for (int k = 0; k < i; k++) {
                double lik = l[i * f + k];
                double[] zk = z[k];
                for (int c = 0; c <= k; c++) {
                    zi[c] -= lik * zk[c];
                }
            }
            double d = l[i * f + i];
            for (int c = 0; c <= i; c++) {
                zi[c] /= d;
            }
        }
        // W = L^-T Z: row i of W is (Z_i - sum_{k > i} L_ki W_k) / L_ii, from the last row up
        double[][] inv = new double[f][];
        for (int i = f - 1; i >= 0; i--) {
            double[] wi = z[i];
            for (int k = i + 1; k < f; k++) {
                double lki = l[k * f + i];
                double[] wk = inv[k];
                for (int c = 0; c < f; c++) {
                    wi[c] -= lki * wk[c];
                }
            }
            double d = l[i * f + i];
            for (int c = 0; c < f; c++) {
                wi[c] /= d;
            }
            inv[i] = wi;
        }
        float[][] out = new float[f][f];
        for (int a = 0; a < f; a++) {
            for (int c = 0; c < f; c++) {
                // the solves' rounding leaves the inverse asymmetric in the last bits; the mean is symmetric
                out[a][c] = (float) (0.5 * (inv[a][c] + inv[c][a]));
            }
        }
        return out;
    }

    private static void store(double[] rowLoss, int u, double value) {
        if (rowLoss != null) {
            rowLoss[u] = value;
        }
    }

    /**
     * One worker's view of a half-step: settles empty rows (x = 0) and rows with the shared matrix, the latter in
     * pairs (the first waits in lane 2 for the second, so that both share each pass over the shared inverse).
     */
    private static final class HalfStep {
        final int[] ptr;
        final int[] idx;
        final float[] conf;
        final float[][] x;
        final float[][] y;
        final int f;
        final double lambda;
        final float[][] shared;
        final double[] rowLoss;
        final Workspace w;
        int waiting = -1;
        int sharedCount;

        HalfStep(int[] ptr, int[] idx, float[] conf, float[][] x, float[][] y, int f, double lambda,
                 float[][] shared, double[] rowLoss, Workspace w) {
            this.ptr = ptr;
            this.idx = idx;
            this.conf = conf;
            this.x = x;
            this.y = y;
            this.f = f;
            this.lambda = lambda;
            this.shared = shared;
            this.rowLoss = rowLoss;
            this.w = w;
        }

        /** {@return whether row u was settled here: it is empty, or solved (or waiting) with the shared matrix} */
        boolean settled(int u) {
            int start = ptr[u];
            int end = ptr[u + 1];
            if (start == end) {
                Arrays.fill(x[u], 0f);
                store(rowLoss, u, 0);
                return true;
            }
            if (shared == null) {
                return false;
            }
            for (int q = start; q < end; q++) {
                if (conf[q] != 1f) {
                    return false;
                }
            }
            sharedCount++;
            if (waiting < 0) {
                w.lanes[2].confSum = rightHandSide(start, end, idx, conf, y, f, w.lanes[2].b);
                waiting = u;
                return true;
            }
            Lane first = w.lanes[2];
            Lane second = w.lanes[3];
            second.confSum = rightHandSide(start, end, idx, conf, y, f, second.b);
            symmetric(shared, f, first.b, second.b, x[waiting], x[u]);
            store(rowLoss, waiting, first.sharedLoss(x[waiting], f, lambda));
            store(rowLoss, u, second.sharedLoss(x[u], f, lambda));
            waiting = -1;
            return true;
        }

        /** Solves the row still waiting for a partner, if any. */
        void flush() {
            if (waiting >= 0) {
                Lane l = w.lanes[2];
                symmetric(shared, f, l.b, x[waiting]);
                store(rowLoss, waiting, l.sharedLoss(x[waiting], f, lambda));
                waiting = -1;
            }
        }
    }

    /**
     * Per-worker scratch: two lanes, so that two rows' CG solves share each pass over the Gram matrix, two for
     * rows with the shared matrix, and the arrays of the exact solve. Every array is cleared or overwritten before it is read.
     */
    private static final class Workspace {
        final Lane[] lanes;
        final double[] a;
        final double[] xd;

        Workspace(int f, boolean exact) {
            lanes = new Lane[] {new Lane(f), new Lane(f), new Lane(f), new Lane(f)};
            a = exact ? new double[f * f] : null;
            xd = exact ? new double[f] : null;
        }
    }

    /** The state of one row's CG solve. */
    private static final class Lane {
        final float[] b;
        final float[] r;
        final float[] p;
        final float[] ap;
        float[][] yt;
        float[] q = new float[0];
        float[][] gathered = new float[0][];
        float[] weights = new float[0];
        /** Entries with {@code c != 1} gathered. */
        int m;
        /** {@code sum c} of the row. */
        double confSum;
        /** {@code r . r} of the current residual. */
        float rs;
        /** Whether the residual is still above the tolerance. */
        boolean running;

        Lane(int f) {
            b = new float[f];
            r = new float[f];
            p = new float[f];
            ap = new float[f];
            yt = new float[f][0];
        }

        void reserve(int n, int f) {
            if (q.length < n) {
                int size = Math.max(n, q.length * 2);
                q = new float[size];
                gathered = new float[size][];
                weights = new float[size];
                yt = new float[f][size];
            }
        }

        /** The loss share {@code sum c - x . b - lambda |x|^2} of a row solved exactly (its residual is zero). */
        double sharedLoss(float[] x, int f, double lambda) {
            double xb = 0;
            double xx = 0;
            for (int k = 0; k < f; k++) {
                xb += (double) x[k] * b[k];
                xx += (double) x[k] * x[k];
            }
            return confSum - xb - lambda * xx;
        }

        /** The row's loss share {@code sum c - x . b - x . r - lambda |x|^2}. */
        double loss(float[] x, int f, double lambda) {
            double xb = 0;
            double xr = 0;
            double xx = 0;
            for (int k = 0; k < f; k++) {
                xb += (double) x[k] * b[k];
                xr += (double) x[k] * r[k];
                xx += (double) x[k] * x[k];
            }
            return confSum - xb - xr - lambda * xx;
        }
    }

    /** Starts one row's CG solve: gathers the entries with {@code c != 1} and sums {@code b = sum c y}. */
    private static void prepare(Lane l, int start, int end, int[] idx, float[] conf, float[][] y, int f) {
        l.m = gather(start, end, idx, conf, y, f, l);
        l.confSum = rightHandSide(start, end, idx, conf, y, f, l.b);
    }

    /**
     * Continues a row's CG solve, as {@code implicit}'s {@code _least_squares_cg} (float), once {@code ap} holds
     * {@code G x} for the warm start x: {@code r = p = b - A x}.
     */
    private static void begin(Lane l, int f, float[] x) {
        sparse(l, f, x, l.ap);
        float[] b = l.b;
        float[] r = l.r;
        float[] p = l.p;
        float[] ap = l.ap;
        for (int k = 0; k < f; k++) {
            float rk = b[k] - ap[k];
            r[k] = rk;
            p[k] = rk;
        }
        l.rs = dot(r, r, f);
        l.running = l.rs >= CG_EPSILON;
    }

    /** One CG step of a running lane whose {@code ap} holds {@code G p}: adds the entries' terms and updates x. */
    private static void step(Lane l, int f, float[] x) {
        if (!l.running) {
            return;
        }
        float[] r = l.r;
        float[] p = l.p;
        float[] ap = l.ap;
        sparse(l, f, p, ap);
        float alpha = l.rs / dot(p, ap, f);
        for (int k = 0; k < f; k++) {
            x[k] += alpha * p[k];
            r[k] -= alpha * ap[k];
        }
        float rsnew = dot(r, r, f);
        if (rsnew < CG_EPSILON) {
            l.running = false;
            return;
        }
        float beta = rsnew / l.rs;
        for (int k = 0; k < f; k++) {
            p[k] = r[k] + beta * p[k];
        }
        l.rs = rsnew;
    }

    /**
     * Gathers the row's entries with {@code c != 1}: their item rows, transposed into {@code w.yt} ({@code f x m}),
     * and their weights {@code c - 1}; returns m.
     */
    private static int gather(int start, int end, int[] idx, float[] conf, float[][] y, int f, Lane w) {
        int m = 0;
        for (int q = start; q < end; q++) {
            if (conf[q] != 1f) {
                m++;
            }
        }
        if (m == 0) {
            return 0;
        }
        w.reserve(m, f);
        float[][] gathered = w.gathered;
        float[] weights = w.weights;
        float[][] yt = w.yt;
        int j = 0;
        for (int q = start; q < end; q++) {
            float c = conf[q];
            if (c != 1f) {
                float[] row = y[idx[q]];
                gathered[j] = row;
                weights[j] = c - 1f;
                for (int k = 0; k < f; k++) {
                    yt[k][j] = row[k];
                }
                j++;
            }
        }
        return m;
    }

    /** {@code b = sum c_i y_i}, four entries per pass; returns {@code sum c_i}. */
    private static double rightHandSide(int start, int end, int[] idx, float[] conf, float[][] y, int f, float[] b) {
        Arrays.fill(b, 0, f, 0f);
        double sum = 0;
        int q = start;
        for (; q + 3 < end; q += 4) {
            float c0 = conf[q];
            float c1 = conf[q + 1];
            float c2 = conf[q + 2];
            float c3 = conf[q + 3];
            sum += (double) c0 + c1 + c2 + c3;
            float[] y0 = y[idx[q]];
            float[] y1 = y[idx[q + 1]];
            float[] y2 = y[idx[q + 2]];
            float[] y3 = y[idx[q + 3]];
            for (int k = 0; k < f; k++) {
                b[k] += c0 * y0[k] + c1 * y1[k] + c2 * y2[k] + c3 * y3[k];
            }
        }
        for (; q < end; q++) {
            float c = conf[q];
            sum += c;
            float[] yq = y[idx[q]];
            for (int k = 0; k < f; k++) {
                b[k] += c * yq[k];
            }
        }
        return sum;
    }

    /** {@code out += sum_j w_j y_j (y_j . v)} over the lane's m gathered entries. */
    private static void sparse(Lane w, int f, float[] v, float[] out) {
        int m = w.m;
        if (m == 0) {
            return;
        }
        float[] q = w.q;
        float[][] yt = w.yt;
        Arrays.fill(q, 0, m, 0f);
        int k = 0;
        for (; k + 3 < f; k += 4) {
            float v0 = v[k];
            float v1 = v[k + 1];
            float v2 = v[k + 2];
            float v3 = v[k + 3];
            float[] t0 = yt[k];
            float[] t1 = yt[k + 1];
            float[] t2 = yt[k + 2];
            float[] t3 = yt[k + 3];
            for (int j = 0; j < m; j++) {
                q[j] += v0 * t0[j] + v1 * t1[j] + v2 * t2[j] + v3 * t3[j];
            }
        }
        for (; k < f; k++) {
            float vk = v[k];
            float[] t = yt[k];
            for (int j = 0; j < m; j++) {
                q[j] += vk * t[j];
            }
        }
        float[] weights = w.weights;
        for (int j = 0; j < m; j++) {
            q[j] *= weights[j];
        }
        float[][] rows = w.gathered;
        int j = 0;
        for (; j + 3 < m; j += 4) {
            float s0 = q[j];
            float s1 = q[j + 1];
            float s2 = q[j + 2];
            float s3 = q[j + 3];
            float[] y0 = rows[j];
            float[] y1 = rows[j + 1];
            float[] y2 = rows[j + 2];
            float[] y3 = rows[j + 3];
            for (int c = 0; c < f; c++) {
                out[c] += s0 * y0[c] + s1 * y1[c] + s2 * y2[c] + s3 * y3[c];
            }
        }
        for (; j < m; j++) {
            float s = q[j];
            float[] yj = rows[j];
            for (int c = 0; c < f; c++) {
                out[c] += s * yj[c];
            }
        }
    }

    /** {@code out = G v} for a symmetric G: the rows of G scaled by v and added, four per pass. */
    private static void symmetric(float[][] g, int f, float[] v, float[] out) {
        Arrays.fill(out, 0, f, 0f);
        int a = 0;
        for (; a + 3 < f; a += 4) {
            float v0 = v[a];
            float v1 = v[a + 1];
            float v2 = v[a + 2];
            float v3 = v[a + 3];
            float[] g0 = g[a];
            float[] g1 = g[a + 1];
            float[] g2 = g[a + 2];
            float[] g3 = g[a + 3];
            for (int c = 0; c < f; c++) {
                out[c] += v0 * g0[c] + v1 * g1[c] + v2 * g2[c] + v3 * g3[c];
            }
        }
        for (; a < f; a++) {
            float va = v[a];
            float[] ga = g[a];
            for (int c = 0; c < f; c++) {
                out[c] += va * ga[c];
            }
        }
    }

    /**
     * {@code out0 = G v0} and {@code out1 = G v1} in one pass over G, each with the operations of
     * {@link #symmetric(float[][], int, float[], float[])} in the same order (so the same floats).
     */
    private static void symmetric(float[][] g, int f, float[] v0, float[] v1, float[] out0, float[] out1) {
        Arrays.fill(out0, 0, f, 0f);
        Arrays.fill(out1, 0, f, 0f);
        int a = 0;
        for (; a + 3 < f; a += 4) {
            float s0 = v0[a];
            float s1 = v0[a + 1];
            float s2 = v0[a + 2];
            float s3 = v0[a + 3];
            float t0 = v1[a];
            float t1 = v1[a + 1];
            float t2 = v1[a + 2];
            float t3 = v1[a + 3];
            float[] g0 = g[a];
            float[] g1 = g[a + 1];
            float[] g2 = g[a + 2];
            float[] g3 = g[a + 3];
            for (int c = 0; c < f; c++) {
                float a0 = g0[c];
                float a1 = g1[c];
                float a2 = g2[c];
                float a3 = g3[c];
                out0[c] += s0 * a0 + s1 * a1 + s2 * a2 + s3 * a3;
                out1[c] += t0 * a0 + t1 * a1 + t2 * a2 + t3 * a3;
            }
        }
        for (; a < f; a++) {
            float s0 = v0[a];
            float t0 = v1[a];
            float[] ga = g[a];
            for (int c = 0; c < f; c++) {
                out0[c] += s0 * ga[c];
                out1[c] += t0 * ga[c];
            }
        }
    }

    /** A float dot product with four accumulators. */
    private static float dot(float[] a, float[] b, int f) {
        float s0 = 0;
        float s1 = 0;
        float s2 = 0;
        float s3 = 0;
        int k = 0;
        for (; k + 3 < f; k += 4) {
            s0 += a[k] * b[k];
            s1 += a[k + 1] * b[k + 1];
            s2 += a[k + 2] * b[k + 2];
            s3 += a[k + 3] * b[k + 3];
        }
        for (; k < f; k++) {
            s0 += a[k] * b[k];
        }
        return (s0 + s1) + (s2 + s3);
    }

    /**
     * The exact solve in double: A and b built, A = L L^T in place, two triangular solves, into {@code xOut}; returns
     * the row's loss share {@code sum c (1 - s)^2 - sum s^2 + x^T Y^T Y x}, {@code s = y_i . x}.
     */
    private static double cholesky(int start, int end, int[] idx, float[] conf, float[][] y, int f, double[] yty,
                                   double lambda, Workspace w, float[] xOut) {
        double[] a = w.a;
        double[] x = w.xd;
        System.arraycopy(yty, 0, a, 0, f * f);
        for (int i = 0; i < f; i++) {
            a[i * f + i] += lambda;
        }
        Arrays.fill(x, 0, f, 0.0);
        for (int q = start; q < end; q++) {
            float[] yq = y[idx[q]];
            double c = conf[q];
            for (int i = 0; i < f; i++) {
                x[i] += c * yq[i];
            }
            if (c == 1.0) {
                continue; // its term (c - 1) y y^T is zero
            }
            for (int i = 0; i < f; i++) {
                double t = (c - 1.0) * yq[i];
                int row = i * f;
                for (int j = 0; j < f; j++) {
                    a[row + j] += t * yq[j];
                }
            }
        }
        if (!ImplFactorization.solvePositiveDefinite(a, x, f)) {
            throw new IllegalStateException("the ALS system is not positive definite; raise the regularization");
        }
        for (int k = 0; k < f; k++) {
            xOut[k] = (float) x[k];
        }
        double loss = 0;
        for (int i = 0; i < f; i++) {
            double s = 0;
            for (int j = 0; j < f; j++) {
                s += yty[i * f + j] * xOut[j];
            }
            loss += s * xOut[i];
        }
        for (int q = start; q < end; q++) {
            float[] yq = y[idx[q]];
            double s = 0;
            for (int k = 0; k < f; k++) {
                s += (double) yq[k] * xOut[k];
            }
            double c = conf[q];
            loss += c * (1 - s) * (1 - s) - s * s;
        }
        return loss;
    }

    /**
     * {@return {@code implicit}'s training loss: {@code (sum over stored c (1 - x.y)^2 + sum over the others
     * (x.y)^2 + lambda (|X|^2 + |Y|^2)) / (sum of c + rows cols - nnz)}, summed row by row in order, in double}
     * O(nnz f + rows f^2 + cols f^2): the direct definition, which the fit gets instead from its last half-step.
     *
     * @param rows   rows
     * @param cols   columns
     * @param ptr    read
     * @param idx    read
     * @param conf   read
     * @param x      read; rows x f
     * @param y      read; cols x f
     * @param f      factors
     * @param lambda the regularization
     */
    public static double loss(int rows, int cols, int[] ptr, int[] idx, float[] conf, float[] x, float[] y, int f,
                              double lambda) {
        double[] yty = new double[f * f];
        for (int i = 0; i < cols; i++) {
            for (int a = 0; a < f; a++) {
                for (int b = 0; b < f; b++) {
                    yty[a * f + b] += (double) y[i * f + a] * y[i * f + b];
                }
            }
        }
        double loss = 0;
        double total = 0;
        double norms = 0;
        double[] xv = new double[f];
        for (int u = 0; u < rows; u++) {
            for (int k = 0; k < f; k++) {
                xv[k] = x[u * f + k];
                norms += xv[k] * xv[k];
            }
            double quad = 0;
            for (int a = 0; a < f; a++) {
                double s = 0;
                for (int b = 0; b < f; b++) {
                    s += yty[a * f + b] * xv[b];
                }
                quad += s * xv[a];
            }
            loss += quad;
            for (int q = ptr[u]; q < ptr[u + 1]; q++) {
                int o = idx[q] * f;
                double s = 0;
                for (int k = 0; k < f; k++) {
                    s += y[o + k] * xv[k];
                }
                double c = conf[q];
                loss += c - 2 * c * s + (c - 1) * s * s;
                total += c;
            }
        }
        for (int i = 0; i < cols * f; i++) {
            norms += (double) y[i] * y[i];
        }
        loss += lambda * norms;
        return loss / (total + (double) rows * cols - ptr[rows]);
    }
}
