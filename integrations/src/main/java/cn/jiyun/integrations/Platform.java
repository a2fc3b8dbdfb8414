package cn.jiyun.integrations;

/** The sales channels orders come from, named as the API names them. */
public enum Platform {
    DOUYIN,
    KUAISHOU,
    WECHAT,
    /** CSV or XLSX uploads: WeChat-group and offline sales. */
    SPREADSHEET
}
