/**
 * Brings Kuaishou Shop (快手小店) orders into Jiyun and writes waybills back to Kuaishou.
 *
 * <p>Only what is Kuaishou's own: the request signer, the client with its envelope, error codes and
 * rotating OAuth refresh, the wire records, the mapper to {@link cn.jiyun.integrations.CanonicalOrder}
 * (the only code that reads Kuaishou's order format), the carrier numbers, and the webhook cipher with
 * {@link cn.jiyun.integrations.kuaishou.KuaishouPushReader}. Kuaishou's push has no signature: a body that
 * decrypts with our key into a message for our app is the proof, so anything else is refused (401). A push
 * names the seller twice (user id and open id); the hint tries both. Its {@code createTime}, inside the encrypted
 * body, must lie within Kuaishou's redelivery schedule (at most 3 h old, 5 min ahead): an older push is refused as
 * a replay. Windows are a day (Kuaishou accepts at
 * most seven) and reach back at most 89 days. The flows, the error policy and the windowed sync are the
 * skeleton's ({@link cn.jiyun.integrations.sync}).
 */
package cn.jiyun.integrations.kuaishou;
