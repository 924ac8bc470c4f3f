/**
 * EASE, the closed-form linear item-item autoencoder: {@link dev.retention.recsys.ease.Ease#fit} returns an
 * {@link dev.retention.recsys.ease.EaseModel} with the dense weights {@code B = I - P / diag(P)}.
 */
package dev.retention.recsys.ease;
