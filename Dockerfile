# Build:  docker build -t refactory-orchestrator .
# The image runs the product; give it a PostgreSQL through SPRING_DATASOURCE_URL (see docker-compose.yml).
FROM eclipse-temurin:17-jdk AS build
WORKDIR /src
COPY .mvn .mvn
COPY mvnw pom.xml ./
RUN ./mvnw -B -q dependency:go-offline
COPY src src
COPY processes processes
COPY decisions decisions
COPY workers workers
RUN ./mvnw -B -q -DskipTests package

FROM eclipse-temurin:17-jre
RUN useradd --system --create-home refactory
USER refactory
WORKDIR /app
COPY --from=build /src/target/refactory-orchestrator-*.jar app.jar
EXPOSE 8080
# a JVM out of memory exits (and is restarted) instead of running on with dead threads (docs/decisions/0262)
ENTRYPOINT ["java", "-Xmx512m", "-XX:+ExitOnOutOfMemoryError", "-jar", "/app/app.jar"]
