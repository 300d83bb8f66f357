package org.kpi.notify.channels;

import org.kpi.notify.delivery.DeliveryFailure;

import java.util.List;
import java.util.Map;

/**
 * Where SMS are handed over (短信网关). Providers differ (运营商短信平台, 阿里云短信, 腾讯云短信 …);
 * each is an implementation of this interface. {@link HttpSmsGateway} speaks a generic JSON
 * protocol that an in-house gateway or a thin adapter in front of a provider can offer.
 */
public interface SmsGateway {

    /**
     * Hands one templated message for {@code phoneNumbers} to the gateway; returns when it accepted.
     *
     * @param requestId the same on every retry of one delivery, so the gateway can drop a repeat
     */
    void send(String requestId, List<String> phoneNumbers, Map<String, String> parameters) throws DeliveryFailure;
}
