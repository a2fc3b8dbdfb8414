-- A WeChat Channels shop authorises Jiyun as its own self-built app: the appid and AppSecret its owner gives
-- (微信小店 → 服务市场 → 自研). Both are encrypted with the shop tokens' key; a shop registered before keeps
-- neither and is served by the connector's app.

ALTER TABLE shop ADD COLUMN app_id_enc VARCHAR(2000);
ALTER TABLE shop ADD COLUMN app_secret_enc VARCHAR(2000);
