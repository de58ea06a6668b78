#!/usr/bin/env python3
"""The web console of `fnf serve` in a real browser.

Starts `fnf serve --console-token` on port 0, creates flows and executions
through the signed API (HMAC-SHA1, as the SDKs sign), and drives headless
Chromium over the DevTools protocol (--remote-debugging-pipe: JSON messages on
file descriptors 3 and 4, standard library only): it reads what the pages
show, clicks Stop, fills and sends the Start form, and watches a running
execution end without a reload. Also checks that the console answers 401
without its token, and that the token opens nothing of the signed API.

Usage: browser_test.py FNF_TOOL [--screenshots DIR]
Exit status: 0 pass, 1 fail, 77 skipped (no chromium).
"""
import base64
import hashlib
import hmac
import json
import os
import re
import select
import shutil
import signal
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.parse
import urllib.request
import uuid

TOKEN = "console-test-token"
KEY_ID, KEY_SECRET = "ak", "sk"
DEADLINE_SECONDS = 90  # the whole test; each wait has its own, shorter limit

ORDERS = """Type: StateMachine
SpecVersion: v1
Name: orders
StartAt: Prepare
States:
  - Type: Pass
    Name: Prepare
    Next: Fan
  - Type: Map
    Name: Fan
    ItemsPath: $Input.items
    Processor:
      StartAt: Check
      States:
        - Type: Pass
          Name: Check
          End: true
    Next: Both
  - Type: Parallel
    Name: Both
    Branches:
      - StartAt: Left
        States:
          - Type: Pass
            Name: Left
            End: true
      - StartAt: Right
        States:
          - Type: Pass
            Name: Right
            End: true
    Next: Approve
  - Type: Task
    Name: Approve
    Action: MNS:SendMessage
    TaskMode: WaitForCustomCallback
    End: true
"""

BROKEN = """Type: StateMachine
SpecVersion: v1
Name: broken
StartAt: Prepare
States:
  - Type: Pass
    Name: Prepare
    Next: Boom
  - Type: Fail
    Name: Boom
    Code: Broken
    Detail: it always fails
"""

failures = []


def check(condition, what):
    if condition:
        print("ok   " + what)
    else:
        print("FAIL " + what)
        failures.append(what)


def require(condition, what):
    check(condition, what)
    if not condition:
        raise SystemExit(finish())


def finish():
    print("%d failure(s)" % len(failures))
    return 1 if failures else 0


# --- the signed API ---------------------------------------------------------

def encode(s):
    return urllib.parse.quote(s, safe="-_.~")


def api(port, action, params, sign=True, headers=None):
    """One RPC-style API call; returns (HTTP status, JSON answer)."""
    p = dict(params)
    p.update({"Action": action, "Version": "2019-03-15"})
    if sign:
        p.update({"AccessKeyId": KEY_ID, "SignatureMethod": "HMAC-SHA1",
                  "SignatureVersion": "1.0", "SignatureNonce": uuid.uuid4().hex,
                  "Timestamp": time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime()),
                  "Format": "JSON"})
        canonical = "&".join(encode(k) + "=" + encode(v) for k, v in sorted(p.items()))
        to_sign = "POST&%2F&" + encode(canonical)
        digest = hmac.new((KEY_SECRET + "&").encode(), to_sign.encode(), hashlib.sha1)
        p["Signature"] = base64.b64encode(digest.digest()).decode()
    body = "&".join(encode(k) + "=" + encode(v) for k, v in p.items()).encode()
    request = urllib.request.Request(
        "http://127.0.0.1:%d/" % port, data=body, method="POST",
        headers=dict({"Content-Type": "application/x-www-form-urlencoded"}, **(headers or {})))
    try:
        with urllib.request.urlopen(request, timeout=10) as r:
            return r.status, json.loads(r.read())
    except urllib.error.HTTPError as e:
        return e.code, json.loads(e.read() or b"{}")


def http_status(url, headers=None):
    request = urllib.request.Request(url, headers=headers or {})
    try:
        with urllib.request.urlopen(request, timeout=10) as r:
            return r.status
    except urllib.error.HTTPError as e:
        return e.code


# --- Chromium over the DevTools protocol --------------------------------------

class Browser:
    def __init__(self, chromium, width, height):
        self.profile = tempfile.mkdtemp(prefix="fnf-console-chromium-")
        # fd 3: our commands to the browser, fd 4: its answers and events.
        to_browser_r, self.to_browser = os.pipe()
        self.from_browser, from_browser_w = os.pipe()

        def child_fds():
            # Through fds no pipe end can have, so that neither dup2 closes
            # the other end; subprocess closes other fds before this runs
            # only with close_fds, hence close_fds=False below.
            os.dup2(to_browser_r, 1000)
            os.dup2(from_browser_w, 1001)
            os.dup2(1000, 3)
            os.dup2(1001, 4)
            os.close(1000)
            os.close(1001)
        self.process = subprocess.Popen(
            [chromium, "--headless", "--no-sandbox", "--disable-gpu",
             "--remote-debugging-pipe", "--user-data-dir=" + self.profile,
             "--no-first-run", "--no-default-browser-check", "--hide-scrollbars",
             "--window-size=%d,%d" % (width, height), "about:blank"],
            close_fds=False, preexec_fn=child_fds,
            stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        os.close(to_browser_r)
        os.close(from_browser_w)
        self.buffer = b""
        self.next_id = 0
        self.events = []
        target = self.call("Target.createTarget", {"url": "about:blank"})["targetId"]
        self.session = self.call("Target.attachToTarget",
                                 {"targetId": target, "flatten": True})["sessionId"]
        self.call("Page.enable", session=True)
        self.call("Runtime.enable", session=True)
        self.call("Emulation.setDeviceMetricsOverride",
                  {"width": width, "height": height, "deviceScaleFactor": 1,
                   "mobile": False}, session=True)

    def close(self):
        try:
            self.call("Browser.close", timeout=5)
        except Exception:
            pass
        try:
            self.process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            self.process.kill()
            self.process.wait()
        shutil.rmtree(self.profile, ignore_errors=True)

    def _read_message(self, deadline):
        while b"\0" not in self.buffer:
            left = deadline - time.monotonic()
            if left <= 0:
                raise TimeoutError("no answer from chromium")
            ready, _, _ = select.select([self.from_browser], [], [], left)
            if ready:
                chunk = os.read(self.from_browser, 1 << 20)
                if not chunk:
                    raise EOFError("chromium closed the pipe")
                self.buffer += chunk
        message, self.buffer = self.buffer.split(b"\0", 1)
        return json.loads(message)

    def call(self, method, params=None, session=False, timeout=15):
        self.next_id += 1
        message = {"id": self.next_id, "method": method, "params": params or {}}
        if session:
            message["sessionId"] = self.session
        os.write(self.to_browser, json.dumps(message).encode() + b"\0")
        deadline = time.monotonic() + timeout
        while True:
            answer = self._read_message(deadline)
            if answer.get("id") == self.next_id:
                if "error" in answer:
                    raise RuntimeError("%s: %s" % (method, answer["error"]))
                return answer.get("result", {})
            if "method" in answer:
                self.events.append(answer)

    def wait_event(self, name, timeout=15):
        deadline = time.monotonic() + timeout
        while True:
            for i, event in enumerate(self.events):
                if event["method"] == name:
                    del self.events[: i + 1]
                    return event
            self.events.append(self._read_message(deadline))

    def evaluate(self, expression):
        result = self.call("Runtime.evaluate",
                           {"expression": expression, "returnByValue": True},
                           session=True)
        if "exceptionDetails" in result:
            raise RuntimeError("%s: %s" % (expression, result["exceptionDetails"]))
        return result["result"].get("value")

    def open(self, url):
        self.events.clear()
        self.call("Page.navigate", {"url": url}, session=True)
        self.wait_event("Page.loadEventFired")

    def click_and_wait(self, selector):
        """Clicks like a person and waits for the page the click leads to."""
        self.events.clear()
        self.evaluate("document.querySelector(%s).click()" % json.dumps(selector))
        self.wait_event("Page.loadEventFired")

    def wait_until(self, expression, timeout=15):
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if self.evaluate(expression):
                return True
            time.sleep(0.2)
        return False

    def screenshot(self, path):
        data = self.call("Page.captureScreenshot",
                         {"format": "png"},
                         session=True)["data"]
        with open(path, "wb") as f:
            f.write(base64.b64decode(data))


# Reads of the page the tests make, in the page's own terms.
H1 = "document.querySelector('h1').textContent"
STATUS = "document.querySelector('#summary .status').textContent"


def marked(cls):
    """The state names of the SVG nodes with class `cls`, sorted."""
    return ("Array.from(document.querySelectorAll('svg g.state.%s'))"
            ".map(g => g.querySelector('text').textContent).sort()" % cls)


def main():
    if len(sys.argv) < 2:
        print(__doc__)
        return 2
    tool = sys.argv[1]
    shots = sys.argv[sys.argv.index("--screenshots") + 1] if "--screenshots" in sys.argv else None
    chromium = os.environ.get("CHROMIUM") or shutil.which("chromium") or shutil.which("chromium-browser")
    if not chromium:
        print("SKIP: chromium not found (apt-get install chromium)")
        return 77
    # Never hang: past the deadline SIGALRM raises here, and the `finally`
    # below still stops the browser and the server.
    def out_of_time(signum, frame):
        raise TimeoutError("the test ran out of its %d s" % DEADLINE_SECONDS)
    signal.signal(signal.SIGALRM, out_of_time)
    signal.alarm(DEADLINE_SECONDS)

    serve = subprocess.Popen(
        [tool, "serve", "--listen", "127.0.0.1:0", "--access-key-id", KEY_ID,
         "--access-key-secret", KEY_SECRET, "--console-token", TOKEN,
         "--quiet"],  # stderr, read only for the task token, never fills up
        stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    browser = None
    try:
        first = serve.stdout.readline().strip()
        second = serve.stdout.readline().strip()
        m = re.fullmatch(r"fnf serve: listening on http://127\.0\.0\.1:(\d+)", first)
        require(m is not None, "first line names the port: " + first)
        port = int(m.group(1))
        base = "http://127.0.0.1:%d" % port
        check(second == "fnf serve: console at %s/console/?token=%s" % (base, TOKEN),
              "second line is the console's address: " + second)

        # The token: missing or wrong is 401, for pages, forms and assets alike.
        check(http_status(base + "/console/") == 401, "no token: 401")
        check(http_status(base + "/console/?token=wrong-token") == 401, "wrong token: 401")
        check(http_status(base + "/console/flow?name=orders",
                          {"Cookie": "fnf_console_%d=wrong-token" % port}) == 401,
              "wrong cookie: 401")
        check(http_status(base + "/console/style.css") == 401, "asset without token: 401")
        check(http_status(base + "/console/?token=" + TOKEN) == 200, "right token: 200")
        # ... and the token is worth nothing to the signed API.
        status, answer = api(port, "ListFlows", {}, sign=False,
                             headers={"Cookie": "fnf_console_%d=%s" % (port, TOKEN)})
        check(status == 400 and answer.get("Code") == "MissingRequiredParams",
              "unsigned API call with the console cookie is refused: %s %s" % (status, answer.get("Code")))

        require(api(port, "CreateFlow", {"Name": "orders", "Definition": ORDERS,
                                         "Description": "fan out, then wait for approval"})[0] == 200,
                "CreateFlow orders")
        require(api(port, "CreateFlow", {"Name": "broken", "Definition": BROKEN})[0] == 200,
                "CreateFlow broken")
        evil_input = json.dumps({"items": [1, 2, 3], "note": "<script>alert(1)</script>"})
        require(api(port, "StartExecution", {"FlowName": "orders", "ExecutionName": "e1",
                                             "Input": evil_input})[0] == 200, "StartExecution e1")
        require(api(port, "StartExecution", {"FlowName": "orders", "ExecutionName": "e2",
                                             "Input": json.dumps({"items": [4]})})[0] == 200,
                "StartExecution e2")
        for i in range(22):
            require(api(port, "StartExecution", {"FlowName": "broken",
                                                 "ExecutionName": "b%02d" % i})[0] == 200,
                    "StartExecution b%02d" % i)
        # e1, e2 reach Approve and wait there; the b's fail at once.
        for name in ("e1", "e2"):
            for _ in range(100):
                _, history = api(port, "GetExecutionHistory",
                                 {"FlowName": "orders", "ExecutionName": name})
                if any(e.get("Type") == "TaskScheduled" for e in history.get("Events", [])):
                    break
                time.sleep(0.05)

        browser = Browser(chromium, 1280, 900)
        # Without the token the browser gets the 401 page.
        browser.open(base + "/console/")
        check(browser.evaluate(H1) == "Token needed", "browser without token sees 'Token needed'")

        # The flows page: names, modes, counts.
        browser.open(base + "/console/?token=" + TOKEN)
        rows = browser.evaluate(
            "Array.from(document.querySelectorAll('table.flows tbody tr'))"
            ".map(r => Array.from(r.cells).map(c => c.textContent))")
        check(rows is not None and [r[0] for r in rows] == ["broken", "orders"],
              "flows page lists broken and orders: %s" % rows)
        check(rows is not None and rows[1][1] == "Standard" and rows[1][4:] == ["2", "0"],
              "orders: Standard, 2 running, 0 ended: %s" % (rows and rows[1]))
        check(rows is not None and rows[0][4:] == ["0", "22"], "broken: 0 running, 22 ended")

        # From here on the cookie carries the token: follow a link like a person.
        browser.click_and_wait("table.flows a[href*='name=orders']")
        check(browser.evaluate(H1) == "orders", "flow page of orders")
        check(browser.evaluate(
            "Array.from(document.querySelectorAll('table.executions td.name')).map(c => c.textContent)")
            == ["e1", "e2"], "orders lists e1 and e2")
        check(browser.evaluate("document.querySelectorAll('.diagram svg g.state').length") == 7,
              "the flow's diagram has its 7 states")
        check(browser.evaluate(
            "Array.from(document.querySelectorAll('.diagram svg g.cluster text')).map(t => t.textContent)")
            == ["Fan (Map)", "Processor", "Both (Parallel)", "Branch 1", "Branch 2"],
            "Map and Parallel are nested boxes")
        check(browser.evaluate("document.querySelectorAll('.diagram svg g.visited').length") == 0,
              "nothing marked on the flow's own diagram")
        if shots:
            browser.screenshot(os.path.join(shots, "console-flow.png"))

        # The execution page: status, input escaped, visited and running states.
        browser.click_and_wait("table.executions a[href*='name=e1']")
        check(browser.evaluate(H1) == "e1", "execution page of e1")
        check(browser.evaluate(STATUS) == "Running", "e1 is Running")
        check(browser.evaluate(marked("visited")) ==
              ["Approve", "Both", "Check", "Fan", "Left", "Prepare", "Right"],
              "visited states marked in the SVG: %s" % browser.evaluate(marked("visited")))
        check(browser.evaluate(marked("running")) == ["Approve"], "Approve marked running")
        check(browser.evaluate(marked("failed")) == [], "nothing failed")
        check("<script>alert(1)</script>" in browser.evaluate("document.body.innerText"),
              "the input's <script> is shown as text")
        check(browser.evaluate("document.scripts.length") == 1,
              "the input's <script> is no script element")
        check(browser.evaluate("document.querySelector('.progress').textContent")
              == "Fan: 3 of 3 iterations done, 0 runningBoth: 2 of 2 branches done, 0 running",
              "Map and Parallel progress")
        history_types = browser.evaluate(
            "Array.from(document.querySelectorAll('table.history tbody tr'))"
            ".map(r => r.cells[2].textContent)")
        check(history_types[:3] == ["ExecutionStarted", "StateEntered", "StateStarted"]
              and history_types[-1] == "TaskScheduled", "history events in order")
        check(browser.evaluate(
            "document.querySelector('table.history details pre').textContent") ==
            json.dumps({"Input": json.loads(evil_input)}, indent=2),
            "an event's detail pretty-printed")
        if shots:
            browser.screenshot(os.path.join(shots, "console-execution.png"))

        # Live update: report the task through the API; the open page follows.
        token_line = None
        deadline = time.monotonic() + 10
        while time.monotonic() < deadline and token_line is None:
            ready, _, _ = select.select([serve.stderr], [], [], 1)
            if ready:
                line = serve.stderr.readline()
                if "execution e1 " in line and "TaskToken=" in line:
                    token_line = line
        require(token_line is not None, "the task token of e1 is logged")
        task_token = token_line.strip().split("TaskToken=")[1]
        require(api(port, "ReportTaskSucceeded", {"TaskToken": task_token,
                                                  "Output": '{"approved":true}'})[0] == 200,
                "ReportTaskSucceeded e1")
        check(browser.wait_until(STATUS + " == 'Succeeded'", timeout=10),
              "the open page shows Succeeded without a reload")
        check(browser.evaluate(marked("running")) == [], "nothing running after the end")
        check(browser.evaluate("document.querySelector('form.stop')") is None,
              "no Stop button once it ended")
        check(not browser.evaluate("document.body.hasAttribute('data-live')"),
              "the page stops refreshing")

        # Stop from the page.
        browser.open(base + "/console/execution?flow=orders&name=e2")
        check(browser.evaluate(STATUS) == "Running", "e2 is Running")
        browser.evaluate("document.querySelector('form.stop input[name=error]').value = 'Manual'")
        browser.click_and_wait("form.stop button")
        check(browser.evaluate(H1) == "e2", "Stop leads back to e2")
        check(browser.evaluate(STATUS) == "Stopped", "e2 Stopped from the page")
        _, described = api(port, "DescribeExecution", {"FlowName": "orders", "ExecutionName": "e2"})
        check(described.get("Status") == "Stopped" and described.get("ErrorCode") == "Manual",
              "the API agrees: Stopped with Manual")

        # Start from the page (the flow page's form).
        browser.open(base + "/console/flow?name=orders")
        browser.evaluate("document.querySelector('form.start input[name=name]').value = 'from-page'")
        browser.evaluate("document.querySelector('form.start textarea').value = "
                         + json.dumps('{"items": [7, 8]}'))
        browser.click_and_wait("form.start button")
        check(browser.evaluate(H1) == "from-page", "Start leads to the new execution")
        _, described = api(port, "DescribeExecution",
                           {"FlowName": "orders", "ExecutionName": "from-page"})
        check(described.get("Input") == '{"items":[7,8]}' and
              described.get("Status") == "Running",
              "the API sees from-page Running with its input: %s" % described.get("Input"))
        # A bad input is refused with the engine's message.
        browser.open(base + "/console/flow?name=orders")
        browser.evaluate("document.querySelector('form.start textarea').value = '[1'")
        browser.click_and_wait("form.start button")
        check(browser.evaluate(H1) == "Refused" and "InvalidArgument" in
              browser.evaluate("document.querySelector('main p').textContent"),
              "a bad input is refused with its error code")

        # With JavaScript off the forms work all the same.
        browser.call("Emulation.setScriptExecutionDisabled", {"value": True}, session=True)
        browser.open(base + "/console/execution?flow=orders&name=from-page")
        browser.evaluate("document.querySelector('form.stop input[name=cause]').value = 'no js'")
        browser.click_and_wait("form.stop button")
        check(browser.evaluate(STATUS) == "Stopped", "Stop works with JavaScript off")
        browser.click_and_wait("form.start button")
        check(browser.evaluate(STATUS) == "Running" and browser.evaluate(H1) != "from-page",
              "Start works with JavaScript off (a generated name)")
        check(browser.evaluate("document.body.hasAttribute('data-live')"),
              "the page would refresh, had it JavaScript")
        browser.call("Emulation.setScriptExecutionDisabled", {"value": False}, session=True)
        _, described = api(port, "DescribeExecution",
                           {"FlowName": "orders", "ExecutionName": "from-page"})
        check(described.get("ErrorMessage") == "no js", "the API sees the cause given")

        # Filters and paging on the flow page.
        browser.open(base + "/console/flow?name=orders&status=Stopped")
        check(browser.evaluate(
            "Array.from(document.querySelectorAll('table.executions td.name')).map(c => c.textContent)")
            == ["e2", "from-page"], "status filter: e2 and from-page are Stopped")
        browser.open(base + "/console/flow?name=orders&prefix=from")
        check(browser.evaluate(
            "Array.from(document.querySelectorAll('table.executions td.name')).map(c => c.textContent)")
            == ["from-page"], "name prefix filter")
        browser.open(base + "/console/flow?name=broken")
        check(browser.evaluate("document.querySelectorAll('table.executions tbody tr').length") == 20,
              "first page: 20 executions")
        browser.click_and_wait("a[rel=next]")
        check(browser.evaluate(
            "Array.from(document.querySelectorAll('table.executions td.name')).map(c => c.textContent)")
            == ["b20", "b21"], "next page: b20, b21")

        # A failed execution: the failed state is marked.
        browser.open(base + "/console/execution?flow=broken&name=b00")
        check(browser.evaluate(STATUS) == "Failed", "b00 Failed")
        check(browser.evaluate(marked("failed")) == ["Boom"], "Boom marked failed")
        check(browser.evaluate(marked("visited")) == ["Boom", "Prepare"], "b00's path")

        # A form from another origin, or without the page's form token: 403.
        require(api(port, "StartExecution", {"FlowName": "orders", "ExecutionName": "still-running",
                                             "Input": json.dumps({"items": []})})[0] == 200,
                "StartExecution still-running")
        form = urllib.parse.urlencode({"flow": "orders", "name": "still-running"}).encode()
        request = urllib.request.Request(
            base + "/console/stop", data=form, method="POST",
            headers={"Cookie": "fnf_console_%d=%s" % (port, TOKEN),
                     "Content-Type": "application/x-www-form-urlencoded"})
        try:
            urllib.request.urlopen(request, timeout=10)
            code = 200
        except urllib.error.HTTPError as e:
            code = e.code
        check(code == 403, "Stop without the form token: 403")
        _, described = api(port, "DescribeExecution",
                           {"FlowName": "orders", "ExecutionName": "still-running"})
        check(described.get("Status") == "Running", "... and the execution still runs")
    finally:
        if browser is not None:
            browser.close()
        serve.send_signal(signal.SIGTERM)
        try:
            code = serve.wait(timeout=10)
        except subprocess.TimeoutExpired:
            serve.kill()
            code = serve.wait()
        # Under sanitizers a leak or an error would make this non-zero.
        check(code == 0, "fnf serve stops cleanly on SIGTERM (exit %s)" % code)
    return finish()


if __name__ == "__main__":
    sys.exit(main())
