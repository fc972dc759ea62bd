"""The checksum algorithms by the names device engineers know them by, as shown on screen.

The editor's checksum choice and the saved messages' tooltips both name algorithms, and
must name them alike: a message saved with "CRC-16/MODBUS" is listed as "CRC-16/MODBUS".
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from netbench.core.checksum import Checksum


def checksum_labels() -> dict[Checksum, str]:
    """Every algorithm's name in the current language, in the order the editor offers them."""
    return {
        Checksum.NONE: QCoreApplication.translate("checksum", "No checksum"),
        Checksum.SUM8: QCoreApplication.translate("checksum", "Sum8"),
        Checksum.XOR8: QCoreApplication.translate("checksum", "XOR8 (BCC)"),
        Checksum.LRC_ASCII: QCoreApplication.translate("checksum", "LRC (Modbus ASCII)"),
        Checksum.CRC16_MODBUS: QCoreApplication.translate("checksum", "CRC-16/MODBUS"),
        Checksum.CRC16_CCITT_FALSE: QCoreApplication.translate("checksum", "CRC-16/CCITT-FALSE"),
        Checksum.CRC32: QCoreApplication.translate("checksum", "CRC-32"),
    }
