/**
 * The data model: {@link dev.retention.data.TransactionLog} (order lines, columnar, sorted by customer
 * then time) with its {@link dev.retention.data.Orders} view, {@link dev.retention.data.Interactions}
 * (user, item, value, time) for recommenders, and {@link dev.retention.data.IdIndex}, which maps
 * external ids to dense ints. {@link dev.retention.data.PurchaseRules} says which lines are purchases.
 */
package dev.retention.data;
