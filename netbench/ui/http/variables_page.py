"""``{{name}}`` values, shared or per named environment ("local", "staging").

The tab's panels share one :class:`~netbench.core.http.variables.Environments`, so a value
set while writing one request serves every other. The chosen environment is the one a
request runs with; "Shared" values apply in all of them unless one sets its own.
"""

from __future__ import annotations

from PySide6.QtWidgets import QComboBox, QHBoxLayout, QLabel, QVBoxLayout, QWidget

from netbench.core.http.variables import Environments
from netbench.ui.http.kv_table import KeyValueTable
from netbench.ui.widgets.naming import name_widget


class VariablesPage(QWidget):
    def __init__(
        self, prefix: str, environments: Environments, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.environments = environments
        self.environment = name_widget(
            QComboBox(self), prefix, "environment", self.tr("Environment")
        )
        self.environment.setEditable(True)
        self.environment.setToolTip(
            self.tr("Type a new name and press Enter to add an environment")
        )
        self.table = name_widget(
            KeyValueTable(self.tr("Variable"), self.tr("Value"), self),
            prefix,
            "variables",
            self.tr("Variables"),
        )
        note = QLabel(self.tr("Write {{name}} in the URL, headers or body."), self)
        row = QHBoxLayout()
        row.addWidget(QLabel(self.tr("Environment"), self))
        row.addWidget(self.environment, 1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addLayout(row)
        layout.addWidget(self.table, 1)
        layout.addWidget(note)
        self._shared_label = self.tr("Shared (every environment)")
        self.refresh()
        self.environment.currentIndexChanged.connect(self.on_environment_changed)
        self.table.edited.connect(self.on_table_edited)

    def active(self) -> str:
        """The environment a request runs with ("" for the shared values only)."""
        return str(self.environment.currentData() or "")

    def refresh(self) -> None:
        """Refills the choices (another panel may have added an environment)."""
        current = self.active()
        self.environment.blockSignals(True)
        self.environment.clear()
        self.environment.addItem(self._shared_label, "")
        for name in sorted(self.environments.named):
            self.environment.addItem(name, name)
        index = self.environment.findData(current)
        self.environment.setCurrentIndex(max(index, 0))
        self.environment.blockSignals(False)
        self._fill()

    def _values(self) -> dict[str, str]:
        name = self.active()
        if not name:
            return self.environments.shared
        return self.environments.named.setdefault(name, {})

    def _fill(self) -> None:
        self.table.set_rows([(True, k, v) for k, v in self._values().items()])

    def on_environment_changed(self) -> None:
        text = self.environment.currentText().strip()
        if self.environment.currentData() is None and text:
            self.environments.named.setdefault(text, {})
            self.environment.setItemData(self.environment.currentIndex(), text)
        self._fill()

    def on_table_edited(self) -> None:
        values = self._values()
        values.clear()
        values.update(self.table.enabled_pairs())
