"""What the UI tests share: main windows on each engine mode, blocking peers run off the UI
thread, and garbage collected on the GUI thread."""

import concurrent.futures
import gc

import pytest
from loopback import Server
from PySide6.QtCore import QCoreApplication, QEvent

from netbench.net.engine import Engine, EngineMode
from netbench.ui.main_window import MainWindow


@pytest.fixture(autouse=True)
def collect_on_the_gui_thread():
    """Free what a test left in reference cycles here, once its window is gone.

    Otherwise the next automatic collection may run on a worker thread of a later test and
    destroy Qt objects there ("Timers cannot be stopped from another thread").
    """
    yield
    QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
    gc.collect()


@pytest.fixture
def window_tab():
    """The tab windows open on; a module that drives another tab overrides this fixture."""
    return "server"


@pytest.fixture
def open_window(qtbot, qloop, run_async, window_tab):
    """Opens main windows as netbench starts them, and closes them all at the end.

    They leave the saved settings alone, so each test starts from the same window.
    """
    opened = []

    def open_one(mode=EngineMode.UI_LOOP, tab=window_tab):
        engine = Engine(mode)
        engine.start(qloop)
        win = MainWindow(engine=engine)
        win.persist_settings = False
        qtbot.addWidget(win)
        win.show()
        tabs = {"server": win.server_tab, "client": win.client_tab, "http": win.http_tab}
        win.tabs.setCurrentWidget(tabs[tab])
        opened.append((win, engine))
        return win

    yield open_one
    for win, engine in opened:
        win.close()
        run_async(engine.shutdown())


@pytest.fixture(params=list(EngineMode))
def window(request, open_window):
    """The main window, once with the network on the UI loop and once on an IO thread."""
    return open_window(request.param)


@pytest.fixture
def in_thread(pump):
    """Run blocking peer code off the UI thread while the UI keeps serving."""
    # Worker threads run Python too: keep the garbage collector off them, or it may free
    # Qt objects of earlier tests there ("Timers cannot be stopped from another thread").
    was_enabled = gc.isenabled()
    gc.disable()
    pool = concurrent.futures.ThreadPoolExecutor(max_workers=32)

    def run(fn, *args, timeout=15):
        future = pool.submit(fn, *args)
        pump(future.done, timeout)
        return future.result()

    yield run
    pool.shutdown(wait=False, cancel_futures=True)
    if was_enabled:
        gc.enable()
    gc.collect()


@pytest.fixture
def server():
    """A blocking TCP server on loopback for the window's clients to connect to."""
    srv = Server()
    yield srv
    srv.close()
