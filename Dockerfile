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
HEALTHCHECK --interval=15s --timeout=3s --start-period=60s --retries=5 \
  CMD wget -qO- http://localhost:8080/actuator/health/readiness >/dev/null 2>&1 || exit 1
ENTRYPOINT ["java", "-jar", "/opt/jiyun/jiyun.jar"]
