/**
 * The synthetic shop: {@link dev.retention.synth.SyntheticShop#generate(dev.retention.synth.SyntheticShop.Options)}
 * draws a seeded, reproducible {@link dev.retention.data.TransactionLog} from the BG/NBD purchase process
 * and the Gamma-Gamma spend model, with latent-factor item choice and optional noise (guest orders,
 * cancellations, zero prices, negative quantities), and keeps the true parameters of every customer for
 * parameter-recovery tests; {@link dev.retention.synth.CampaignTruth} adds each customer's true response to the
 * actions of a simulated campaign. It is the embedded data of the {@code retention demo} command.
 */
package dev.retention.synth;
