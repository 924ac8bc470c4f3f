/**
 * Churn datasets. {@link dev.retention.churn.dataset.TransactionFeatures#compute} makes leakage-free
 * features and labels from a transaction log over one or more cutoffs;
 * {@link dev.retention.churn.dataset.CustomerTableReader#read} reads a customer table such as the Telco
 * churn CSV by a stated policy ({@link dev.retention.churn.dataset.TableOptions}). Both give a
 * {@link dev.retention.churn.dataset.CustomerTable}, which the preprocessing model turns into features.
 */
package dev.retention.churn.dataset;
