-- literate.lua: pandoc filter that weaves the chapters into the book.
--
-- * Code chunks (```c {#name} / ```c {file=path}) become numbered listings
--   "<name 2.3> =" with where they continue and where they are used, as
--   links; <<name>> lines in the code show the number of the chunk they name.
-- * ```console {.run} blocks: each "$ build/bin/..." line is run and the
--   output the program prints now replaces the text under it. With the
--   metadata check-outputs=true, a difference is an error instead.
-- * Images ../../build/fig/NAME.png become build/fig/NAME.pdf in LaTeX.
-- * ::: solution blocks are dropped unless the metadata edition is
--   "instructor".
--
-- Metadata: chapters (space-separated slugs, in book order; the n-th
-- numbered level-1 heading starts the n-th of them), edition, check-outputs.

local chapters = {}        -- slugs in order
local chapter_numbers = {} -- slug -> number
local edition = "student"
local check_outputs = false
local failures = 0

local function stringify(value)
  if value == nil then return nil end
  if type(value) == "string" then return value end
  if type(value) == "boolean" then return tostring(value) end
  return pandoc.utils.stringify(value)
end

local function is_latex()
  return FORMAT == "latex" or FORMAT == "beamer"
end

-- ---- walking the blocks in order, tracking the chapter ---------------------

-- Calls visit(block, slug) on every block, depth first, in document order,
-- and replaces it by what visit returns (nil keeps it; a list splices).
local function walk(blocks, state, visit)
  local result = {}
  for _, block in ipairs(blocks) do
    if block.t == "Header" and block.level == 1 and not block.classes:includes("unnumbered") then
      state.index = state.index + 1
      state.slug = chapters[state.index]
    end
    if block.t == "Div" or block.t == "BlockQuote" then
      block.content = walk(block.content, state, visit)
    elseif block.t == "BulletList" or block.t == "OrderedList" then
      for i, item in ipairs(block.content) do
        block.content[i] = walk(item, state, visit)
      end
    end
    local replacement = visit(block, state.slug)
    if replacement == nil then
      table.insert(result, block)
    elseif replacement.t then
      table.insert(result, replacement)
    else
      for _, b in ipairs(replacement) do table.insert(result, b) end
    end
  end
  return result
end

-- ---- chunks -----------------------------------------------------------------

local function chunk_key(block, slug)
  if block.t ~= "CodeBlock" then return nil end
  local file = block.attributes["file"]
  if file and file ~= "" then return (slug or "?") .. "/file:" .. file, file, true end
  if block.identifier ~= "" then return (slug or "?") .. "/" .. block.identifier, block.identifier, false end
  return nil
end

local function reference_key(reference, slug)
  if reference:find("/", 1, true) then return reference end
  return (slug or "?") .. "/" .. reference
end

local function for_each_reference(text, fn)
  for line in (text .. "\n"):gmatch("([^\n]*)\n") do
    local indent, name = line:match("^(%s*)<<([^<>%s]+)>>%s*$")
    if name then fn(name, indent, line) end
  end
end

local defs = {}    -- key -> list of block numbers ("1.3")
local uses = {}    -- key -> list of block numbers that reference it
local numbers = {} -- block -> its number, via a side table keyed by order

local function collect(blocks)
  local counters = {}
  local order = 0
  walk(blocks, {index = 0}, function(block, slug)
    local key = chunk_key(block, slug)
    if not key then return nil end
    local chapter = chapter_numbers[slug] or 0
    counters[chapter] = (counters[chapter] or 0) + 1
    local number = chapter .. "." .. counters[chapter]
    order = order + 1
    numbers[order] = number
    defs[key] = defs[key] or {}
    table.insert(defs[key], number)
    for_each_reference(block.text, function(name)
      local target = reference_key(name, slug)
      uses[target] = uses[target] or {}
      local list = uses[target]
      if list[#list] ~= number then table.insert(list, number) end
    end)
    return nil
  end)
end

local function link(number)
  return pandoc.Link(number, "#chunk-" .. number)
end

local function number_list(list, skip)
  local inlines = {}
  local first = true
  for _, number in ipairs(list) do
    if number ~= skip then
      if not first then table.insert(inlines, pandoc.Str(", ")) end
      table.insert(inlines, link(number))
      first = false
    end
  end
  return inlines, not first
end

-- In LaTeX, inlines set in a group with the given font commands; elsewhere
-- as they are (or through `otherwise`, e.g. pandoc.Emph).
local function styled(commands, inlines, otherwise)
  if not is_latex() then return otherwise and {otherwise(inlines)} or inlines end
  local result = {pandoc.RawInline("latex", "{" .. commands .. " ")}
  for _, x in ipairs(inlines) do table.insert(result, x) end
  table.insert(result, pandoc.RawInline("latex", "}"))
  return result
end

local function small(inlines) return styled("\\small\\sffamily", inlines) end
local function footnotesize(inlines)
  return styled("\\footnotesize\\itshape", inlines, pandoc.Emph)
end

local function render_chunks(blocks)
  local order = 0
  return walk(blocks, {index = 0}, function(block, slug)
    local key, name, is_file = chunk_key(block, slug)
    if not key then return nil end
    order = order + 1
    local number = numbers[order]
    local parts = defs[key]
    local first = parts[1]

    -- The code, with each <<reference>> showing the number it points to.
    local lines = {}
    for line in (block.text .. "\n"):gmatch("([^\n]*)\n") do
      local indent, reference = line:match("^(%s*)<<([^<>%s]+)>>%s*$")
      if reference then
        local target = defs[reference_key(reference, slug)]
        local shown = reference:gsub("^[^/]*/", "")
        if target then
          line = indent .. "\u{27E8}" .. shown .. " " .. target[1] .. "\u{27E9}"
        else
          line = indent .. "\u{27E8}" .. reference .. "\u{27E9}"
        end
      end
      table.insert(lines, line)
    end
    local language = block.classes[1] or "c"
    local code = pandoc.CodeBlock(table.concat(lines, "\n"), pandoc.Attr("", {language}))

    -- The header: <name 1.3> = (or += for a continuation).
    local title = is_file and ("file " .. name) or name
    local header = {pandoc.Span({}, pandoc.Attr("chunk-" .. number)),
                    pandoc.Strong({pandoc.Str("\u{27E8}" .. title .. " " .. number .. "\u{27E9}")}),
                    pandoc.Str(number == first and " \u{2261}" or " +\u{2261}")}

    -- The footer: where it continues and where it is used.
    local notes = {}
    local function sentence(words, list)
      local inlines, any = number_list(list, number)
      if not any then return end
      if #notes > 0 then table.insert(notes, pandoc.Space()) end
      table.insert(notes, pandoc.Str(words .. " "))
      for _, x in ipairs(inlines) do table.insert(notes, x) end
      table.insert(notes, pandoc.Str("."))
    end
    if number ~= first then sentence("Continues", {first}) end
    if number == first and #parts > 1 then sentence("Continued in", parts) end
    if is_file then
      if #notes > 0 then table.insert(notes, pandoc.Space()) end
      table.insert(notes, pandoc.Str("Written to "))
      table.insert(notes, pandoc.Code("build/" .. (slug or "?") .. "/" .. name))
      table.insert(notes, pandoc.Str("."))
    elseif uses[key] then
      sentence("Used in", uses[key])
    end

    local result = {}
    if is_latex() then table.insert(result, pandoc.RawBlock("latex", "\\chunkbegin")) end
    table.insert(result, pandoc.Para(small(header)))
    if is_latex() then table.insert(result, pandoc.RawBlock("latex", "\\nopagebreak")) end
    table.insert(result, code)
    if #notes > 0 then table.insert(result, pandoc.Para(footnotesize(notes))) end
    if is_latex() then table.insert(result, pandoc.RawBlock("latex", "\\chunkend")) end
    return result
  end)
end

-- ---- program output ---------------------------------------------------------

local function run_command(command)
  if not command:match("^build/bin/[%w%-%._]+") then
    error("literate.lua: a {.run} command must start with build/bin/: " .. command)
  end
  local handle = io.popen(command .. " 2>/dev/null", "r")
  local output = handle:read("a")
  local ok, _, code = handle:close()
  return output:gsub("\n+$", ""), ok, code
end

local function first_difference(expected, actual)
  local e_lines, a_lines = {}, {}
  for l in (expected .. "\n"):gmatch("([^\n]*)\n") do table.insert(e_lines, l) end
  for l in (actual .. "\n"):gmatch("([^\n]*)\n") do table.insert(a_lines, l) end
  for i = 1, math.max(#e_lines, #a_lines) do
    if e_lines[i] ~= a_lines[i] then
      return i, e_lines[i] or "(nothing)", a_lines[i] or "(nothing)"
    end
  end
end

local function render_run(block, slug)
  if block.t ~= "CodeBlock" or not block.classes:includes("run") then return nil end
  local expected_exit = tonumber(block.attributes["exit"] or "0")
  local out = {}
  local command = nil
  local function finish()
    if not command then return end
    local output, ok, code = run_command(command)
    if (code or 0) ~= expected_exit then
      io.stderr:write(string.format("%s: `%s` exited with status %s (expected %d)\n",
        slug or "?", command, tostring(code), expected_exit))
      failures = failures + 1
    end
    table.insert(out, "$ " .. command)
    if output ~= "" then table.insert(out, output) end
  end
  for line in (block.text .. "\n"):gmatch("([^\n]*)\n") do
    local c = line:match("^%$ (.*)$")
    if c then
      finish()
      command = c
    elseif not command then
      error("literate.lua: a {.run} block must start with a '$ ' command line")
    end
  end
  finish()
  local actual = table.concat(out, "\n")
  if check_outputs and actual ~= block.text then
    local line, want, got = first_difference(block.text, actual)
    io.stderr:write(string.format(
      "chapters/%s/README.md: the output quoted in the text differs from what the program prints\n" ..
      "  block starting: %s\n  line %d of the block\n    text says: %s\n    program prints: %s\n",
      slug or "?", block.text:match("^[^\n]*"), line, want, got))
    failures = failures + 1
  end
  if is_latex() then
    return pandoc.RawBlock("latex", "\\begin{ProgramOutput}\n" .. actual .. "\n\\end{ProgramOutput}")
  end
  local classes = {}
  for _, c in ipairs(block.classes) do if c ~= "run" then table.insert(classes, c) end end
  return pandoc.CodeBlock(actual, pandoc.Attr("", classes))
end

-- ---- figures and solutions ------------------------------------------------------

local function fix_images(inline)
  if inline.t ~= "Image" then return nil end
  local name = inline.src:match("^%.%./%.%./build/fig/(.+)%.png$")
  if name and is_latex() then inline.src = "build/fig/" .. name .. ".pdf" end
  return inline
end

-- Inline code that is a path or a command line may break at / - . in
-- LaTeX (\path, from the url package) instead of running into the margin.
local function breakable_code(code)
  if not is_latex() then return nil end
  if #code.text > 24 and code.text:match("^[%w%._/%-=%s:,]+$") then
    return pandoc.RawInline("latex", "\\path{" .. code.text .. "}")
  end
  return nil
end

-- A paragraph holding only an image is a figure with a caption (pandoc 2.x
-- marks figures by a title starting with "fig:").
local function figures(para)
  if #para.content == 1 and para.content[1].t == "Image" then
    local image = para.content[1]
    if not image.title:match("^fig:") then image.title = "fig:" .. image.title end
    return pandoc.Para({image})
  end
  return nil
end

local function render_solution(block)
  if block.t ~= "Div" or not block.classes:includes("solution") then return nil end
  if edition ~= "instructor" then return {} end
  local result = {}
  if is_latex() then table.insert(result, pandoc.RawBlock("latex", "\\begin{solution}")) end
  table.insert(result, pandoc.Para({pandoc.Strong({pandoc.Str("Solution.")})}))
  for _, b in ipairs(block.content) do table.insert(result, b) end
  if is_latex() then table.insert(result, pandoc.RawBlock("latex", "\\end{solution}")) end
  return result
end

-- ---- citations --------------------------------------------------------------
-- pandoc's CommonMark reader (2.17) leaves [@key] and [@a; @b] as text; turn
-- them into Cite elements so that --citeproc, which runs after this filter,
-- formats them and builds the bibliography.

local function citations(inlines)
  local result = {}
  local i = 1
  while i <= #inlines do
    local x = inlines[i]
    if x.t == "Str" and x.text:find("[@", 1, true) then
      -- Gather text up to the closing bracket (a citation may hold spaces).
      local j, text = i, ""
      while j <= #inlines do
        local y = inlines[j]
        text = text .. (y.t == "Str" and y.text or (y.t == "Space" and " " or ""))
        if y.t == "Str" and y.text:find("]", 1, true) then break end
        if y.t ~= "Str" and y.t ~= "Space" then j = #inlines + 1 break end
        j = j + 1
      end
      local before, inside, after = text:match("^(.-)%[(@[^%]]*)%](.*)$")
      if j <= #inlines and inside then
        local cites = {}
        for key in inside:gmatch("@([%w_:%-%.]*[%w_])") do
          table.insert(cites, pandoc.Citation(key, "NormalCitation"))
        end
        if before ~= "" then table.insert(result, pandoc.Str(before)) end
        table.insert(result, pandoc.Cite({pandoc.Str("[" .. inside .. "]")}, cites))
        if after ~= "" then table.insert(result, pandoc.Str(after)) end
        i = j + 1
      else
        table.insert(result, x)
        i = i + 1
      end
    elseif x.t == "Str" and x.text:match("^@[%w_]") then
      -- A narrative citation, @key: "Knuth (1992)".
      local key, after = x.text:match("^@([%w_:%-%.]*[%w_])(.*)$")
      table.insert(result, pandoc.Cite({pandoc.Str("@" .. key)},
                                      {pandoc.Citation(key, "AuthorInText")}))
      if after ~= "" then table.insert(result, pandoc.Str(after)) end
      i = i + 1
    else
      table.insert(result, x)
      i = i + 1
    end
  end
  return result
end

-- ---- the document -------------------------------------------------------------

function Pandoc(doc)
  local meta = doc.meta
  for slug in (stringify(meta["chapters"]) or ""):gmatch("%S+") do
    table.insert(chapters, slug)
    chapter_numbers[slug] = tonumber(slug:match("^(%d+)")) or #chapters
  end
  edition = stringify(meta["edition"]) or "student"
  check_outputs = stringify(meta["check-outputs"]) == "true"
  -- Checking covers the solutions' outputs too.
  if check_outputs then edition = "instructor" end

  local blocks = doc.blocks
  blocks = walk(blocks, {index = 0}, function(block) return render_solution(block) end)
  blocks = walk(blocks, {index = 0}, render_run)
  if failures > 0 then
    error(string.format("literate.lua: %d quoted output%s differ%s from the programs",
      failures, failures == 1 and "" or "s", failures == 1 and "s" or ""))
  end
  if check_outputs then return doc end
  collect(blocks)
  blocks = render_chunks(blocks)
  local div = pandoc.walk_block(pandoc.Div(blocks), {Image = fix_images, Inlines = citations, Para = figures, Code = breakable_code})
  return pandoc.Pandoc(div.content, doc.meta)
end
