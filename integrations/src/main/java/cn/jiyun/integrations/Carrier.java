package cn.jiyun.integrations;

/**
 * The express carriers Jiyun hands parcels to at the county hubs. Each platform package maps
 * these to its own codes (Douyin words, Kuaishou numbers, WeChat ids).
 */
public enum Carrier {
    ZTO("中通快递"),
    YTO("圆通速递"),
    STO("申通快递"),
    YUNDA("韵达快递"),
    SF("顺丰速运"),
    EMS("EMS"),
    JD("京东物流"),
    JT("极兔速递"),
    DEPPON("德邦快递"),
    CHINA_POST("中国邮政");

    private final String chineseName;

    Carrier(String chineseName) {
        this.chineseName = chineseName;
    }

    public String chineseName() {
        return chineseName;
    }
}
