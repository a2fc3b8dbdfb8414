/**
 * Kuaidi100 (快递100), the tracking aggregator most Chinese shops use: its {@code poll} subscription and the signed
 * pushes to Jiyun's callback ({@code docs/platforms/tracking.md} says what this relies on, and how sure we are).
 * Only its wire format, its signature and its carrier codes live here.
 */
package cn.jiyun.integrations.kuaidi100;
