package org.kpi.console.session;

import jakarta.validation.constraints.NotBlank;

/**
 * Body of {@code POST /auth/demo/sign-in}.
 *
 * @param role        the role to sign in with
 * @param orgUnitCode the org unit to sign in to
 */
public record DemoSignInRequest(@NotBlank(message = "请选择角色") String role,
                                @NotBlank(message = "请选择单位") String orgUnitCode) {
}
