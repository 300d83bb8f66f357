package org.kpi.task.drafts;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.util.List;

/** The keyword → lead-unit mapping of a district (or city). */
@Schema(description = "牵头单位关键词 · The keywords that suggest lead units")
public record UnitKeywordsView(
        String orgUnitCode,
        List<UnitKeyword> keywords,
        @Schema(description = "false：尚未编辑，显示的是按部门名称生成的初始关键词 · false while the seeded keywords apply")
        boolean edited,
        @Schema(description = "版本，编辑时放在 If-Match 或请求体 version · The version to send back") long version) {
}
