package org.kpi.task.tasks;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;

import java.time.LocalDate;
import java.time.OffsetDateTime;

/** A milestone (节点) of a task: "August: list drawn up". */
@Entity
@Table(name = "task_milestone")
public class Milestone {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "task_id")
    public Task task;

    @Column(nullable = false)
    public int position;

    @Column(nullable = false, length = 300)
    public String title;

    @Column(name = "due_date", nullable = false)
    public LocalDate dueDate;

    @Column(name = "completed_at")
    public OffsetDateTime completedAt;

    @Column(name = "completed_by", length = 128)
    public String completedBy;

    public boolean isCompleted() {
        return completedAt != null;
    }
}
