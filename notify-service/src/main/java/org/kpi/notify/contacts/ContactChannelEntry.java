package org.kpi.notify.contacts;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** One stored channel of a unit's {@link ContactBook} (the inbox is never stored). */
@Entity
@Table(name = "contact_channel")
public class ContactChannelEntry {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "org_unit_code", nullable = false, length = 32)
    public String orgUnitCode;

    /** Position in the list as it was written. */
    @Column(name = "sort_order", nullable = false)
    public int sortOrder;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 16)
    public ChannelType type;

    @Column(nullable = false, length = 2000)
    public String address;

    /** The signing secret, or null; written, never shown. */
    @Column(length = 256)
    public String secret;

    ContactChannel toChannel() {
        return new ContactChannel(type, address, secret);
    }
}
