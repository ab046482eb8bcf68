import nx from "@nx/eslint-plugin";

export default [
    ...nx.configs["flat/base"],
    ...nx.configs["flat/typescript"],
    ...nx.configs["flat/javascript"],
    {
        ignores: [
            "**/dist",
            "**/out-tsc"
        ]
    },
    {
        files: [
            "**/*.ts",
            "**/*.tsx",
            "**/*.js",
            "**/*.jsx"
        ],
        rules: {
            "@nx/enforce-module-boundaries": [
                "error",
                {
                    enforceBuildableLibDependency: true,
                    allow: [
                        "^.*/eslint(\\.base)?\\.config\\.[cm]?[jt]s$"
                    ],
                    depConstraints: [
                        { sourceTag: "scope:shared", onlyDependOnLibsWithTags: ["scope:shared"] },
                        { sourceTag: "scope:api", onlyDependOnLibsWithTags: ["scope:api", "scope:shared"] },
                        { sourceTag: "scope:dashboard", onlyDependOnLibsWithTags: ["scope:dashboard", "scope:shared"] },
                        { sourceTag: "scope:e2e", onlyDependOnLibsWithTags: ["scope:shared", "scope:api"] },
                        { sourceTag: "type:app", onlyDependOnLibsWithTags: ["type:feature", "type:data-access", "type:ui", "type:util", "type:contracts", "type:migrations"] },
                        { sourceTag: "type:migrations", onlyDependOnLibsWithTags: [] },
                        { sourceTag: "type:e2e", onlyDependOnLibsWithTags: ["type:util", "type:contracts", "type:migrations", "type:app"] },
                        { sourceTag: "type:feature", onlyDependOnLibsWithTags: ["type:data-access", "type:ui", "type:util", "type:contracts"] },
                        { sourceTag: "type:data-access", onlyDependOnLibsWithTags: ["type:util", "type:contracts"] },
                        { sourceTag: "type:ui", onlyDependOnLibsWithTags: ["type:ui", "type:util", "type:contracts"] },
                        { sourceTag: "type:util", onlyDependOnLibsWithTags: ["type:util", "type:contracts"] },
                        { sourceTag: "type:contracts", onlyDependOnLibsWithTags: [] }
                    ]
                }
            ]
        }
    },
    {
        files: [
            "**/*.ts",
            "**/*.tsx",
            "**/*.cts",
            "**/*.mts",
            "**/*.js",
            "**/*.jsx",
            "**/*.cjs",
            "**/*.mjs"
        ],
        // Override or add rules here
        rules: {}
    }
];
