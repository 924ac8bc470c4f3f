/**
 * The BG/NBD model (Fader, Hardie and Lee 2005) and its MBG/NBD variant (Batislam, Denizel and Filiztekin 2007).
 * Entry point: {@link dev.retention.lifetime.bgnbd.BgNbd#fit(dev.retention.lifetime.CustomerSummary,
 * dev.retention.lifetime.bgnbd.BgNbdOptions)}, which returns a {@link dev.retention.lifetime.bgnbd.BgNbdModel}
 * (model type {@code bgnbd}).
 */
package dev.retention.lifetime.bgnbd;
