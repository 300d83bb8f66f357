package org.kpi.common.org;

/**
 * The materialised path of an org unit, {@code /CITY/DISTRICT/DEPARTMENT/}: a unit is inside
 * another's subtree exactly when its path starts with the other's path.
 */
public final class OrgPath {

    private OrgPath() {
    }

    public static String of(String parentPath, String code) {
        return (parentPath == null ? "/" : parentPath) + code + "/";
    }

    public static boolean isWithin(String path, String ancestorPath) {
        return path != null && ancestorPath != null && path.startsWith(ancestorPath);
    }

    /** A SQL {@code LIKE} pattern (escape character {@code \}) matching the subtree of {@code path}. */
    public static String likeSubtree(String path) {
        StringBuilder pattern = new StringBuilder(path.length() + 2);
        for (char c : path.toCharArray()) {
            if (c == '\\' || c == '%' || c == '_') {
                pattern.append('\\');
            }
            pattern.append(c);
        }
        return pattern.append('%').toString();
    }
}
