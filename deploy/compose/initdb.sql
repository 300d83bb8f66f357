-- One database per service, and Keycloak's; each service migrates its own (Flyway) when it starts.
CREATE DATABASE kpi_target;
CREATE DATABASE kpi_task;
CREATE DATABASE kpi_notify;
CREATE DATABASE keycloak;
