/**
 * Implicit-feedback ALS (Hu, Koren and Volinsky 2008) with the conjugate-gradient solver of Takacs, Pilaszy and
 * Tikk (2011), as the {@code implicit} library fits it. Entry point {@link dev.retention.recsys.als.ImplicitAls#fit},
 * model {@link dev.retention.recsys.als.AlsModel}.
 */
package dev.retention.recsys.als;
