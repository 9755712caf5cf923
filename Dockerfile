# syntax=docker/dockerfile:1.7
# Precis image: built with Maven's production profile (prebuilt Vaadin bundle, no npm), run on a JRE 17 as
# non-root uid 10001. The app writes only to /tmp, so the root filesystem can be read-only (the chart mounts an
# emptyDir at /tmp). Ports: 8080 (app, /livez, /readyz), 8081 (management: health, Prometheus; in-cluster only).
#   docker build -t precis .   |   docker run -p 8080:8080 -e PGHOST=... precis

FROM eclipse-temurin:17-jdk-jammy AS build
WORKDIR /src
COPY .mvn/ .mvn/
COPY mvnw pom.xml ./
COPY inference/pom.xml inference/
COPY admin/pom.xml admin/
COPY app/pom.xml app/
COPY ops/pom.xml ops/
# Dependencies first, so source edits reuse this layer's cache.
RUN --mount=type=cache,target=/root/.m2 \
    ./mvnw -B -ntp -q -Pproduction -pl app -am dependency:go-offline -DexcludeReactor=true || true
COPY inference/src inference/src
COPY admin/src admin/src
COPY app/src app/src
RUN --mount=type=cache,target=/root/.m2 \
    ./mvnw -B -ntp -Pproduction -pl app -am -DskipTests package \
 && cp "$(ls app/target/precis-app-*.jar | grep -v original | head -1)" /app.jar

FROM eclipse-temurin:17-jre-jammy
LABEL org.opencontainers.image.title="precis" \
      org.opencontainers.image.description="Summarisation and deep research with checked citations" \
      org.opencontainers.image.source="https://github.com/example-org/precis" \
      org.opencontainers.image.licenses="Apache-2.0"
RUN groupadd --system --gid 10001 precis \
 && useradd --system --uid 10001 --gid 10001 --home-dir /tmp --no-create-home --shell /usr/sbin/nologin precis
WORKDIR /app
COPY --from=build --chown=root:root --chmod=0444 /app.jar /app/app.jar
USER 10001:10001
ENV JAVA_TOOL_OPTIONS="-XX:MaxRAMPercentage=70 -XX:+ExitOnOutOfMemoryError -Djava.io.tmpdir=/tmp" \
    SERVER_PORT=8080 \
    MANAGEMENT_PORT=8081
EXPOSE 8080 8081
ENTRYPOINT ["java", "-jar", "/app/app.jar"]
CMD ["--spring.profiles.active=prod"]
