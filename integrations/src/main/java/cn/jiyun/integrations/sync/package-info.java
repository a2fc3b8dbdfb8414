/**
 * The connector skeleton: what every platform connector does the same way, written once.
 *
 * <p>{@link cn.jiyun.integrations.sync.PlatformRoutes} builds each platform's flows from its parts:
 * <ul>
 *   <li><b>poll</b>: a timer every {@code poll-interval} takes the active shops and synchronises each on its
 *       own exchange ({@code direct:<platform>-poll} → {@code direct:<platform>-sync-shop});</li>
 *   <li><b>webhook</b>: {@code POST /webhooks/<platform>} → the platform's {@link cn.jiyun.integrations.sync.PushReader}
 *       verifies the raw body → each hint is de-duplicated on its message id → queued
 *       ({@code seda:<platform>-sync-hints}), one sync at a time in arrival order → sync of its shop;</li>
 *   <li><b>sync one shop</b>: the connector reads the shop in windows with
 *       {@link cn.jiyun.integrations.sync.WindowedSync} (per-shop lock, cursor less the overlap, the tally, the
 *       cursor moved only once a window is stored);</li>
 *   <li><b>dead letter</b> ({@code direct:<platform>-dead-letter}): the message, its shop, its source
 *       ({@code poll}, {@code webhook}, {@code request}) and the reason, kept through {@code OrderIntake}.</li>
 * </ul>
 *
 * <p>The one behaviour every platform has (where the three copies used to differ):
 * <ul>
 *   <li>The shop, the source and the raw message travel in <b>exchange properties, never headers</b>, so
 *       nothing an HTTP caller sends can set them.</li>
 *   <li>A <b>retryable</b> failure (the platform stayed unavailable through the client's own back-off) is
 *       <b>redelivered</b> by the sync route ({@code redelivery.*}, exponential) and then dead-lettered.</li>
 *   <li>A <b>permanent refusal</b> (a {@code PlatformException} that is not retryable) and a request for an
 *       <b>unknown shop</b> go to the dead letter at once, without redelivery.</li>
 *   <li>A <b>revoked authorisation</b> is neither redelivered nor dead-lettered: the client has marked the
 *       shop, and a person re-authorises it. A shop waiting for that is not synchronised on request or hint.</li>
 *   <li>A push that is <b>not provably the platform's</b> is answered 401 with the platform's refusal and
 *       changes nothing; one that is but <b>cannot be read</b> is dead-lettered and acknowledged (sending it
 *       again would not mend it, and polling finds the orders); when <b>Jiyun fails</b> to take a push it is
 *       dead-lettered and answered 500, so the platform pushes again.</li>
 *   <li>One order that cannot be mapped is dead-lettered on its own; the rest of its page is stored.</li>
 * </ul>
 *
 * <p>Every platform's settings have one shape, {@link cn.jiyun.integrations.sync.ConnectorSettings}, and
 * fulfillment reaches a platform's sync through {@link cn.jiyun.integrations.PlatformSync}, never an
 * endpoint name.
 */
package cn.jiyun.integrations.sync;
