package org.kpi.task.tasks;

import jakarta.persistence.CascadeType;
import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.OneToMany;
import jakarta.persistence.OrderBy;
import jakarta.persistence.Table;
import jakarta.persistence.Transient;
import jakarta.persistence.Version;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/** A key task (重点任务): who must do what by when. */
@Entity
@Table(name = "task")
public class Task {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(nullable = false, length = 300)
    public String title;

    public String description;

    @Column(length = 64)
    public String category;

    @Column(length = 64)
    public String source;

    /** The org unit (district or city) the task belongs to: its supervisors act on it. */
    @Column(name = "org_unit_code", nullable = false, length = 32)
    public String orgUnitCode;

    @Column(name = "org_path", nullable = false, length = 512)
    public String orgPath;

    @Column(name = "lead_unit_code", nullable = false, length = 32)
    public String leadUnitCode;

    @ElementCollection
    @CollectionTable(name = "task_unit", joinColumns = @JoinColumn(name = "task_id"))
    public Set<TaskUnit> units = new HashSet<>();

    @OneToMany(mappedBy = "task", cascade = CascadeType.ALL, orphanRemoval = true)
    @OrderBy("position")
    public List<Milestone> milestones = new ArrayList<>();

    @Column(name = "responsible_leader", length = 100)
    public String responsibleLeader;

    @Column(name = "start_date")
    public LocalDate startDate;

    @Column(name = "due_date", nullable = false)
    public LocalDate dueDate;

    @Enumerated(EnumType.STRING)
    @Column(name = "reporting_cadence", nullable = false, length = 16)
    public ReportingCadence reportingCadence;

    @Column(name = "quantity_value", precision = 18, scale = 4)
    public BigDecimal quantityValue;

    @Column(name = "quantity_unit", length = 32)
    public String quantityUnit;

    /** 以上, 左右, 突破 … as the plan qualified the quantity; {@code null} for none. */
    @Column(name = "quantity_qualifier", length = 8)
    public String quantityQualifier;

    /** The plan's words the task was drafted from (任务分解), or {@code null} for a task entered by hand. */
    @Column(name = "source_text", columnDefinition = "text")
    public String sourceText;

    @Column(name = "target_id")
    public Long targetId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 24)
    public TaskStatus status;

    @Column(name = "next_due_date", nullable = false)
    public LocalDate nextDueDate;

    @Column(name = "response_due_date")
    public LocalDate responseDueDate;

    @Column(name = "percent_done")
    public Integer percentDone;

    @Column(name = "quantity_reached", precision = 18, scale = 4)
    public BigDecimal quantityReached;

    @Column(name = "closure_summary")
    public String closureSummary;

    /** The reason given with the last return, reopening or cancellation. */
    @Column(name = "last_reason")
    public String lastReason;

    /** When the task was last handed out (assigned, or given a new lead on reassignment). */
    @Column(name = "assigned_at")
    public OffsetDateTime assignedAt;

    /** The last working day on which its units sign for it (签收) in time. */
    @Column(name = "sign_for_due")
    public LocalDate signForDue;

    /** The leader instruction (批示件) the task was made from, or {@code null}. */
    @Column(name = "instruction_id")
    public Long instructionId;

    /** The assessor's rating when the task was closed (满意度), or {@code null}. */
    @Enumerated(EnumType.STRING)
    @Column(length = 24)
    public Rating rating;

    @Column(name = "rating_comment")
    public String ratingComment;

    /**
     * The units that have signed for the task; not mapped, so that a signature is written in one
     * statement ({@link Signatures}). {@code null} until loaded.
     */
    @Transient
    public List<Signature> signatures;

    @Column(name = "closure_requested_at")
    public OffsetDateTime closureRequestedAt;

    @Column(name = "closed_at")
    public OffsetDateTime closedAt;

    @Column(name = "created_by", nullable = false, length = 128)
    public String createdBy;

    @Version
    @Column(nullable = false)
    public long version;

    @Column(name = "created_at", nullable = false)
    public OffsetDateTime createdAt;

    @Column(name = "updated_at", nullable = false)
    public OffsetDateTime updatedAt;

    public List<String> coUnitCodes() {
        return units.stream().filter(u -> u.role == UnitRole.CO).map(u -> u.unitCode).sorted().toList();
    }

    /** The role {@code unitCode} plays in this task, or {@code null} if it takes no part. */
    public UnitRole roleOf(String unitCode) {
        for (TaskUnit unit : units) {
            if (Objects.equals(unit.unitCode, unitCode)) {
                return unit.role;
            }
        }
        return null;
    }

    /** The lead and co-units that have not signed for the task, lead first. */
    public List<String> unsignedUnitCodes() {
        if (status == TaskStatus.DRAFT || signatures == null) {
            return List.of();
        }
        Set<String> signed = new HashSet<>();
        signatures.forEach(s -> signed.add(s.unitCode()));
        List<String> unsigned = new ArrayList<>();
        if (!signed.contains(leadUnitCode)) {
            unsigned.add(leadUnitCode);
        }
        coUnitCodes().stream().filter(code -> !signed.contains(code)).forEach(unsigned::add);
        return unsigned;
    }

    /** Recomputes the denormalised next due date: the first open milestone, else the task's due date. */
    public void refreshNextDueDate() {
        nextDueDate = milestones.stream()
                .filter(m -> !m.isCompleted())
                .map(m -> m.dueDate)
                .min(Comparator.naturalOrder())
                .filter(d -> d.isBefore(dueDate))
                .orElse(dueDate);
    }
}
