package org.kpi.task.instructions;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import java.time.LocalDate;
import java.time.OffsetDateTime;

/** A leader's written instruction on a document (领导批示件), registered for an org unit. */
@Entity
@Table(name = "instruction")
public class Instruction {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    /** The org unit (district or city) whose office follows the instruction up. */
    @Column(name = "org_unit_code", nullable = false, length = 32)
    public String orgUnitCode;

    @Column(name = "org_path", nullable = false, length = 512)
    public String orgPath;

    @Column(name = "leader_name", nullable = false, length = 100)
    public String leaderName;

    /** The unit of the leader who wrote it; its leaders read the feedback report. */
    @Column(name = "leader_unit_code", nullable = false, length = 32)
    public String leaderUnitCode;

    @Column(name = "instructed_on", nullable = false)
    public LocalDate instructedOn;

    @Column(name = "document_title", nullable = false, length = 300)
    public String documentTitle;

    @Column(name = "document_number", length = 100)
    public String documentNumber;

    @Column(nullable = false, columnDefinition = "text")
    public String text;

    @Column(name = "created_by", nullable = false, length = 128)
    public String createdBy;

    @Column(name = "created_at", nullable = false)
    public OffsetDateTime createdAt;

    @Version
    @Column(nullable = false)
    public long version;
}
