const fs = require("fs");

function run(input) {
	switch (input.command) {
		case "view":
			return fs.readFileSync(input.path, "utf8");
		case "create":
			fs.writeFileSync(input.path, input.file_text);
			return "created";
		case "str_replace":
		case "insert":
			return "edited";
	}
	return "unknown";
}

module.exports = {
	tools: [{ type: "text_editor_20250728", name: "str_replace_based_edit_tool" }],
	run,
};
