package org.kpi.goals.progress;

/** 蓝黄红三色管理: on or ahead of schedule, behind within tolerance, seriously behind. */
public enum Colour {
    BLUE,
    YELLOW,
    RED
}
