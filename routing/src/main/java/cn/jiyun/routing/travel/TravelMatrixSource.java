package cn.jiyun.routing.travel;

import java.util.List;

/** Computes the travel matrix for a list of points, in the order given. */
public interface TravelMatrixSource {

    TravelMatrix compute(List<MatrixPoint> points);
}
