# Jiyun fulfillment service for production (profile postgis). Build the jar first:
#   ./mvnw -DskipTests package
# then: docker compose up --build   (see docker-compose.yml and README.md)
FROM eclipse-temurin:17-jre
RUN useradd --system --create-home --home-dir /opt/jiyun jiyun
WORKDIR /opt/jiyun
COPY fulfillment/target/jiyun.jar /opt/jiyun/jiyun.jar
USER jiyun
EXPOSE 8080
ENV JAVA_TOOL_OPTIONS="-XX:MaxRAMPercentage=75"
# readiness through bash alone: the JRE image need not carry curl or wget
HEALTHCHECK --interval=15s --timeout=3s --start-period=60s --retries=5 \
  CMD bash -c 'exec 3<>/dev/tcp/127.0.0.1/8080 && printf "GET /actuator/health/readiness HTTP/1.0\r\n\r\n" >&3 && grep -q "\"UP\"" <&3' || exit 1
ENTRYPOINT ["java", "-jar", "/opt/jiyun/jiyun.jar"]
