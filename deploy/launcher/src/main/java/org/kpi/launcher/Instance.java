package org.kpi.launcher;

/**
 * One running copy of a service ({@code ./kpi up --replicas N}): the first on the service's own
 * ports, the second {@value #PORT_STEP} ports further up (8181, management 9181 for
 * target-service), the third another {@value #PORT_STEP} up. Every copy of a service uses the same
 * database, as replicas on Kubernetes do.
 *
 * @param service what runs
 * @param number  1 for the first copy, 2 for the second …
 */
record Instance(Service service, int number) {

    /** How far apart the ports of two copies of a service are. */
    static final int PORT_STEP = 100;

    /** The most copies of a service the launcher starts (the ports of a fourth would meet other services' ranges soon). */
    static final int MAX_REPLICAS = 3;

    Instance {
        if (number < 1 || number > MAX_REPLICAS) {
            throw new IllegalArgumentException("实例编号应在 1 到 " + MAX_REPLICAS + " 之间");
        }
    }

    static Instance first(Service service) {
        return new Instance(service, 1);
    }

    int port() {
        return service.port + PORT_STEP * (number - 1);
    }

    int managementPort() {
        return service.managementPort + PORT_STEP * (number - 1);
    }

    /** The name of its log and pid file: {@code task-service}, {@code task-service-2} … */
    String name() {
        return number == 1 ? service.module : service.module + "-" + number;
    }

    String baseUrl() {
        return "http://localhost:" + port();
    }
}
