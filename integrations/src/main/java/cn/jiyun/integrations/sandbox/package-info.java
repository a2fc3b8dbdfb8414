/**
 * Serves Douyin, Kuaishou and WeChat Channels in-process for the demo, so the real connectors pull
 * orders from something that answers, signs and refuses exactly as the platforms do.
 *
 * <p>{@link cn.jiyun.integrations.sandbox.PlatformSandbox} runs one WireMock server with the three
 * platforms under {@code /douyin}, {@code /kuaishou} and {@code /wechat}. Answers are generated from
 * an order book that a seeded generator fills: a day's backlog at start, then a new paid order
 * every few seconds, a few of them cancelled later. Waybills written back show up as shipped.
 * Nothing here is used outside the demo profile.
 */
package cn.jiyun.integrations.sandbox;
