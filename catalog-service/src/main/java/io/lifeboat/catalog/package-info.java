/** Lifeboat catalog-service: the single writer of the backup catalog, restorable windows, RPO lag and retention decisions. */
package io.lifeboat.catalog;
