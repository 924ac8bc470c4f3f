package dev.retention.synth;

import dev.retention.random.Variates;

import java.util.Locale;
import java.util.Objects;

/**
 * The true response of every customer of a {@link SyntheticShop} to each action of a campaign at the end of its log,
 * known to the generator and not to any model, so that a targeting policy can be scored against the truth. The shop
 * itself is not changed: this is drawn from its own random stream after the shop, so {@code retention demo}'s other
 * outputs stay the same.
 *
 * <p><b>Value at stake.</b> For each customer, {@code V}: the expected discounted value over the horizon of the
 * customer as if active at the end (the sum over months of the expected purchases of a BG/NBD customer with the true
 * rate {@code lambda} and dropout {@code p}, discounted at the end of each month, times the true mean order value
 * {@code spendP / nu}, as {@link ShopTruth#clv} computes it for active customers). The true value at stake is
 * {@code exp(-lambda h) V} for a customer active at the end (the probability of not buying over the horizon {@code h}
 * times what they bring if kept) and {@code V} for one who dropped out (what a win-back would bring back).
 *
 * <p><b>Responses</b>, drawn per customer and action (Kane, Lo and Zheng, "Mining for the truly responsive customers
 * and prospects using true-lift modeling", Journal of Marketing Analytics 2(4), 2014, for the four kinds):
 * <ul>
 *   <li>{@link Response#PERSUADABLE}: the contact saves a share {@code lift x U(0.5, 1.5)} of the value at stake;</li>
 *   <li>{@link Response#SURE_THING}: would have bought anyway, effect 0;</li>
 *   <li>{@link Response#LOST_CAUSE}: will not buy either way, effect 0;</li>
 *   <li>{@link Response#DO_NOT_DISTURB}: the contact puts them off, effect {@code -lift}.</li>
 * </ul>
 * Customers active at the end are persuadable with probability 0.35, sure things 0.45, lost causes 0.10 and
 * do-not-disturb 0.10; customers who dropped out are persuadable (won back) with probability 0.05 and lost causes
 * otherwise (nobody buys less than nothing). The true incremental value of contacting a customer is
 * {@code effect x value at stake - cost}.
 * Immutable and thread-safe.
 */
public final class CampaignTruth {

    private static final double DAYS_PER_MONTH = 365.25 / 12;
    private static final long STREAM = 0x43414D50L;   // "CAMP": apart from the shop's streams

    /** How a customer responds to an action. */
    public enum Response {
        /** Buys because of the contact. */
        PERSUADABLE,
        /** Buys either way. */
        SURE_THING,
        /** Does not buy either way. */
        LOST_CAUSE,
        /** Buys less because of the contact. */
        DO_NOT_DISTURB
    }

    private final SyntheticShop shop;
    private final double[] lifts;
    private final double[] stake;
    private final Response[][] response;
    private final double[][] effect;

    private CampaignTruth(SyntheticShop shop, double[] lifts, int horizonMonths, double monthlyRate, long seed) {
        this.shop = shop;
        this.lifts = lifts.clone();
        int n = shop.customerCount();
        double[] lambda = shop.lambda();
        double[] p = shop.dropoutP();
        double[] nu = shop.nu();
        boolean[] alive = shop.aliveAtEnd();
        double spendP = shop.options().spendP();
        double h = horizonMonths * DAYS_PER_MONTH;
        stake = new double[n];
        response = new Response[n][lifts.length];
        effect = new double[n][lifts.length];
        for (int c = 0; c < n; c++) {
            double value = ShopTruth.activeValue(lambda[c], p[c], spendP / nu[c], horizonMonths, monthlyRate);
            stake[c] = alive[c] ? StrictMath.exp(-lambda[c] * h) * value : value;
            Variates v = Variates.stream(seed, STREAM, c);
            for (int a = 0; a < lifts.length; a++) {
                double u = v.nextDouble();
                double scale = 0.5 + v.nextDouble();
                Response r;
                if (alive[c]) {
                    r = u < 0.35 ? Response.PERSUADABLE : u < 0.80 ? Response.SURE_THING : u < 0.90
                            ? Response.LOST_CAUSE : Response.DO_NOT_DISTURB;
                } else {
                    r = u < 0.05 ? Response.PERSUADABLE : Response.LOST_CAUSE;
                }
                response[c][a] = r;
                effect[c][a] = switch (r) {
                    case PERSUADABLE -> lifts[a] * scale;
                    case DO_NOT_DISTURB -> -lifts[a];
                    default -> 0;
                };
            }
        }
    }

    /**
     * Draws the responses. O(customers x (horizonMonths + actions)).
     *
     * @param shop          the shop, truth at the end of its log
     * @param lifts         per action, the share of the value at stake a contact saves on a persuadable customer
     *                      (on average), each in [0, 1]; at least one action
     * @param horizonMonths months of the horizon, in [1, 120]
     * @param monthlyRate   discount rate per month, finite and {@code > -1}
     * @param seed          seed of the responses
     * @return the campaign's truth
     * @throws IllegalArgumentException naming an argument out of range
     */
    public static CampaignTruth of(SyntheticShop shop, double[] lifts, int horizonMonths, double monthlyRate,
                                   long seed) {
        Objects.requireNonNull(shop, "shop");
        if (Objects.requireNonNull(lifts, "lifts").length == 0) {
            throw new IllegalArgumentException("lifts must name at least one action");
        }
        for (int a = 0; a < lifts.length; a++) {
            if (!(lifts[a] >= 0 && lifts[a] <= 1)) {
                throw new IllegalArgumentException("lifts[" + a + "] must be in [0, 1], got " + lifts[a]);
            }
        }
        if (horizonMonths < 1 || horizonMonths > 120) {
            throw new IllegalArgumentException("horizonMonths must be in [1, 120], got " + horizonMonths);
        }
        if (!(monthlyRate > -1) || Double.isInfinite(monthlyRate)) {
            throw new IllegalArgumentException("monthlyRate must be finite and > -1, got " + monthlyRate);
        }
        return new CampaignTruth(shop, lifts, horizonMonths, monthlyRate, seed);
    }

    private int index(String customer) {
        int c = shop.log().customers().indexOf(Objects.requireNonNull(customer, "customer"));
        if (c < 0) {
            throw new IllegalArgumentException("customer '" + customer + "' is not in the synthetic shop");
        }
        return c;
    }

    private int action(int a) {
        if (a < 0 || a >= lifts.length) {
            throw new IllegalArgumentException("action must be in [0, " + lifts.length + "), got " + a);
        }
        return a;
    }

    /** {@return the number of actions} */
    public int actions() {
        return lifts.length;
    }

    /**
     * {@return how a customer responds to an action} O(1).
     *
     * @param customer an external id of the shop's log
     * @param action   the action's index, in [0, actions)
     * @throws IllegalArgumentException naming an unknown customer or action
     */
    public Response response(String customer, int action) {
        return response[index(customer)][action(action)];
    }

    /**
     * {@return the true share of the value at stake a contact saves (negative: puts off)} O(1).
     *
     * @param customer an external id of the shop's log
     * @param action   the action's index
     * @throws IllegalArgumentException naming an unknown customer or action
     */
    public double effect(String customer, int action) {
        return effect[index(customer)][action(action)];
    }

    /**
     * {@return the true value at stake over the horizon (see the class comment)} O(1).
     *
     * @param customer an external id of the shop's log
     * @throws IllegalArgumentException naming an unknown customer
     */
    public double valueAtStake(String customer) {
        return stake[index(customer)];
    }

    /**
     * {@return the true incremental value of contacting a customer: effect x value at stake - cost} O(1).
     *
     * @param customer an external id of the shop's log
     * @param action   the action's index
     * @param cost     the contact's cost
     * @throws IllegalArgumentException naming an unknown customer or action
     */
    public double incrementalValue(String customer, int action, double cost) {
        int c = index(customer);
        return effect[c][action(action)] * stake[c] - cost;
    }

    /** {@code "CampaignTruth of 5,000 customers, 2 actions: 1,234 persuadable pairs"}. */
    @Override
    public String toString() {
        int persuadable = 0;
        for (Response[] row : response) {
            for (Response r : row) {
                persuadable += r == Response.PERSUADABLE ? 1 : 0;
            }
        }
        return String.format(Locale.ROOT, "CampaignTruth of %,d customers, %d actions: %,d persuadable pairs",
                response.length, lifts.length, persuadable);
    }
}
