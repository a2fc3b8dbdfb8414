package cn.jiyun.integrations.sandbox;

import cn.jiyun.integrations.sandbox.SandboxOrder.Destination;

import java.util.List;
import java.util.random.RandomGenerator;

/**
 * Where demo parcels go: real provinces, cities and districts with their national codes, weighted
 * towards the big eastern cities that buy most of Ningxia's goji, lamb and rice.
 */
final class Destinations {

    private record Weighted(int weight, Destination destination) {
    }

    private static final List<Weighted> ALL = List.of(
            of(9, "广东省", "深圳市", "南山区", 440000, 440300, 440305, "518000"),
            of(8, "广东省", "广州市", "天河区", 440000, 440100, 440106, "510000"),
            of(8, "浙江省", "杭州市", "西湖区", 330000, 330100, 330106, "310000"),
            of(8, "上海市", "上海市", "浦东新区", 310000, 310100, 310115, "200120"),
            of(7, "北京市", "北京市", "朝阳区", 110000, 110100, 110105, "100020"),
            of(6, "江苏省", "南京市", "鼓楼区", 320000, 320100, 320106, "210000"),
            of(5, "江苏省", "苏州市", "姑苏区", 320000, 320500, 320508, "215000"),
            of(5, "四川省", "成都市", "武侯区", 510000, 510100, 510107, "610000"),
            of(4, "湖北省", "武汉市", "洪山区", 420000, 420100, 420111, "430000"),
            of(4, "山东省", "济南市", "历下区", 370000, 370100, 370102, "250000"),
            of(4, "河南省", "郑州市", "金水区", 410000, 410100, 410105, "450000"),
            of(4, "陕西省", "西安市", "雁塔区", 610000, 610100, 610113, "710000"),
            of(4, "宁夏回族自治区", "银川市", "兴庆区", 640000, 640100, 640104, "750000"),
            of(2, "宁夏回族自治区", "吴忠市", "利通区", 640000, 640300, 640302, "751100"),
            of(3, "甘肃省", "兰州市", "城关区", 620000, 620100, 620102, "730000"),
            of(3, "福建省", "厦门市", "思明区", 350000, 350200, 350203, "361000"),
            of(3, "湖南省", "长沙市", "岳麓区", 430000, 430100, 430104, "410000"),
            of(3, "重庆市", "重庆市", "渝北区", 500000, 500100, 500112, "401120"),
            of(3, "天津市", "天津市", "南开区", 120000, 120100, 120104, "300100"),
            of(2, "内蒙古自治区", "呼和浩特市", "新城区", 150000, 150100, 150102, "010000"),
            of(2, "辽宁省", "沈阳市", "和平区", 210000, 210100, 210102, "110000"),
            of(2, "安徽省", "合肥市", "蜀山区", 340000, 340100, 340104, "230000"));

    private static final int TOTAL_WEIGHT = ALL.stream().mapToInt(Weighted::weight).sum();

    private Destinations() {
    }

    static Destination pick(RandomGenerator random) {
        int ticket = random.nextInt(TOTAL_WEIGHT);
        for (Weighted weighted : ALL) {
            ticket -= weighted.weight();
            if (ticket < 0) {
                return weighted.destination();
            }
        }
        throw new IllegalStateException("weights do not add up");
    }

    private static Weighted of(int weight, String province, String city, String district, int provinceCode,
                               int cityCode, int districtCode, String postalCode) {
        // the street is masked the way sellers see it, and obviously not a real one
        return new Weighted(weight, new Destination(province, city, district, "沙箱路***号", provinceCode, cityCode,
                districtCode, postalCode));
    }
}
