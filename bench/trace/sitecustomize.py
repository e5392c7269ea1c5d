"""Loaded by Python at start (PYTHONPATH=bench/trace) only for bench/trace_interaction.py: with KOMPASS_TRACE set,
Streamlit's message handling, script runs, plotly_chart calls and the websocket writes of charts are timestamped."""
import os, time, threading
LOG = os.environ.get("KOMPASS_TRACE")
if LOG:
    _f = open(LOG, "a", buffering=1)
    def mark(what):
        _f.write(f"{time.time():.4f} {threading.current_thread().name} {what}\n")
    import builtins
    builtins._ktrace = mark
    def _patch():
        try:
            from streamlit.runtime import app_session
            orig = app_session.AppSession.handle_backmsg
            def handle_backmsg(self, msg):
                mark(f"backmsg {msg.WhichOneof('type')}")
                return orig(self, msg)
            app_session.AppSession.handle_backmsg = handle_backmsg
            from streamlit.runtime.scriptrunner import script_runner
            orig_run = script_runner.ScriptRunner._run_script
            def _run_script(self, rerun_data):
                mark(f"run_start frag={bool(rerun_data.fragment_id_queue)}")
                try:
                    return orig_run(self, rerun_data)
                finally:
                    mark("run_end")
            script_runner.ScriptRunner._run_script = _run_script
            from streamlit.elements import plotly_chart
            orig_pc = plotly_chart.PlotlyMixin.plotly_chart
            def pc(self, *a, **k):
                mark("plotly_chart_call")
                r = orig_pc(self, *a, **k)
                mark("plotly_chart_done")
                return r
            plotly_chart.PlotlyMixin.plotly_chart = pc
            from streamlit.web.server.starlette import starlette_websocket as sw
            for cls in vars(sw).values():
                if isinstance(cls, type) and hasattr(cls, "write_forward_msg") and cls.__module__ == sw.__name__:
                    o = cls.write_forward_msg
                    def wfm(self, msg, _o=o):
                        if msg.WhichOneof("type") == "delta" and msg.delta.new_element.WhichOneof("type") == "plotly_chart":
                            mark("ws_write plotly")
                        return _o(self, msg)
                    cls.write_forward_msg = wfm
        except Exception as e:
            mark(f"patch failed {e!r}")
    import importlib.abc, sys
    class Hook(importlib.abc.MetaPathFinder):
        done = False
        def find_spec(self, name, path, target=None):
            if name == "streamlit.web.bootstrap" and not Hook.done:
                Hook.done = True
                threading.Timer(0.01, _patch).start()
            return None
    sys.meta_path.insert(0, Hook())
